using Parry.Sigma.Correlations;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// Resolves every correlation's <c>rules</c> by id or name across the whole loaded set, rejecting correlations that
/// name unknown or rejected rules, that form a cycle, or whose aliases name rules they do not correlate; a
/// correlation built on a rejected correlation is rejected in turn. Then builds the immutable correlations,
/// referenced parts first.
/// </summary>
internal sealed class CorrelationResolver
{
    private enum State : byte { Unvisited, Visiting, Resolved, Failed }

    // A resolved reference: a rule index, or a draft index.
    private readonly record struct Target(int Rule, int Draft);

    private readonly LoadSession _session;
    private readonly List<CorrelationDraft> _drafts;
    private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _draftsByKey = new(StringComparer.Ordinal);
    private readonly State[] _state;
    private readonly Target[][] _targets;
    private readonly RuleRejection?[] _rejections;

    public CorrelationResolver(LoadSession session)
    {
        _session = session;
        _drafts = session.Correlations;
        for (var i = 0; i < session.Rules.Count; i++)
        {
            _rules.TryAdd(session.Rules[i].Id, i);
            if (session.Rules[i].Name is { } name)
                _rules.TryAdd(name, i);
        }
        for (var i = 0; i < _drafts.Count; i++)
        {
            _draftsByKey.TryAdd(_drafts[i].Info.Id, i);
            if (_drafts[i].Info.Name is { } name)
                _draftsByKey.TryAdd(name, i);
        }
        _state = new State[_drafts.Count];
        _targets = new Target[_drafts.Count][];
        _rejections = new RuleRejection?[_drafts.Count];
    }

    /// <summary>Resolves all drafts; afterwards <see cref="IsResolved"/> says which survived.</summary>
    public void Resolve()
    {
        for (var i = 0; i < _drafts.Count; i++)
            Visit(i, []);
    }

    public bool IsResolved(int draft) => _state[draft] == State.Resolved;

    /// <summary>Per rule (by index): whether any surviving correlation refers to it, and whether any that does asks
    /// to generate it. One pass over the correlations' targets (asked rule by rule, it was rules × correlations).</summary>
    public (bool Referenced, bool Generated)[] RuleUses()
    {
        var uses = new (bool Referenced, bool Generated)[_session.Rules.Count];
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (!IsResolved(i))
                continue;
            foreach (var target in _targets[i])
            {
                if (target.Rule >= 0)
                    uses[target.Rule] = (true, uses[target.Rule].Generated | _drafts[i].Generate);
            }
        }
        return uses;
    }

    /// <summary>Builds the surviving correlations over the final rules, in draft order.</summary>
    public List<SigmaCorrelation> Build(IReadOnlyList<SigmaRule> finalRules)
    {
        var built = new SigmaCorrelation?[_drafts.Count];
        var result = new List<SigmaCorrelation>();
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (IsResolved(i))
                result.Add(BuildOne(i, finalRules, built));
        }
        return result;
    }

    private SigmaCorrelation BuildOne(int index, IReadOnlyList<SigmaRule> finalRules, SigmaCorrelation?[] built)
    {
        if (built[index] is { } done)
            return done;
        var draft = _drafts[index];
        var members = new List<CorrelationMember>(draft.References.Count);
        for (var r = 0; r < draft.References.Count; r++)
        {
            var target = _targets[index][r];
            members.Add(target.Rule >= 0
                ? new CorrelationMember(draft.References[r], finalRules[target.Rule], null)
                : new CorrelationMember(draft.References[r], null, BuildOne(target.Draft, finalRules, built)));
        }
        var generated = true;
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (IsResolved(i) && _targets[i].Any(t => t.Draft == index))
                generated &= _drafts[i].Generate;
        }
        var correlation = new SigmaCorrelation(draft.Info, draft.Type, members, draft.GroupBy, draft.Timespan,
            draft.TimespanText, draft.Condition, draft.Aliases, draft.Generate, draft.Path, draft.Location)
        {
            GeneratesDetections = generated,
            Taxonomy = draft.Taxonomy,
        };
        built[index] = correlation;
        return correlation;
    }

    private bool Visit(int index, List<int> path)
    {
        switch (_state[index])
        {
            case State.Resolved:
                return true;
            case State.Failed:
                return false;
            case State.Visiting:
                var cycle = path.SkipWhile(p => p != index).Append(index).Select(p => _drafts[p].Info.Name ?? _drafts[p].Info.Id);
                Fail(index, RejectionCategories.CorrelationCycle, $"the correlation refers to itself through {string.Join(" -> ", cycle)}");
                return false;
        }
        _state[index] = State.Visiting;
        path.Add(index);
        var draft = _drafts[index];
        var targets = new Target[draft.References.Count];
        for (var r = 0; r < draft.References.Count; r++)
        {
            var reference = draft.References[r];
            if (_rules.TryGetValue(reference, out var rule))
            {
                targets[r] = new Target(rule, -1);
                continue;
            }
            if (_draftsByKey.TryGetValue(reference, out var other))
            {
                if (!Visit(other, path))
                {
                    if (_state[index] != State.Failed)
                        Fail(index, RejectionCategories.UnknownRuleReference,
                            $"the correlation refers to correlation '{reference}', which was rejected: {_rejections[other]?.Reason}");
                    path.RemoveAt(path.Count - 1);
                    return false;
                }
                targets[r] = new Target(-1, other);
                continue;
            }
            Fail(index, RejectionCategories.UnknownRuleReference, _session.RejectedReferences.TryGetValue(reference, out var rejected)
                ? $"the correlation refers to '{reference}', which was rejected ({rejected.Path}:{rejected.Line}: {rejected.Reason})"
                : $"the correlation refers to '{reference}', but no loaded rule has that id or name");
            path.RemoveAt(path.Count - 1);
            return false;
        }
        path.RemoveAt(path.Count - 1);
        if (_state[index] == State.Failed)
            return false;

        foreach (var (alias, byRule) in draft.Aliases)
        {
            foreach (var ruleKey in byRule.Keys)
            {
                if (!draft.References.Contains(ruleKey) && !targets.Any(t => Names(t, ruleKey)))
                {
                    Fail(index, RejectionCategories.InvalidCorrelation,
                        $"alias '{alias}' names '{ruleKey}', which is not one of the correlated rules ({string.Join(", ", draft.References)})",
                        draft.AliasesAt);
                    return false;
                }
            }
        }
        _targets[index] = targets;
        _state[index] = State.Resolved;
        return true;
    }

    private bool Names(Target target, string key)
    {
        if (target.Rule >= 0)
            return _session.Rules[target.Rule].Id == key || _session.Rules[target.Rule].Name == key;
        var info = _drafts[target.Draft].Info;
        return info.Id == key || info.Name == key;
    }

    private void Fail(int index, string category, string reason, SourceLocation? at = null)
    {
        if (_state[index] == State.Failed)
            return;
        _state[index] = State.Failed;
        var draft = _drafts[index];
        _rejections[index] = _session.Reject(draft.Path, at ?? draft.ReferencesAt, category, reason, draft.Info.Id, draft.Info.Title);
    }
}
