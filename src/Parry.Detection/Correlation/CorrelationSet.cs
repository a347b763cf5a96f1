using System.Collections.Frozen;
using Parry.Core.Detections;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Sigma.Correlations;
using Parry.Sigma.Rules;

namespace Parry.Detection.Correlation;

/// <summary>
/// Sigma correlation rules compiled once: the fields they read interned in the matcher's field table, each
/// correlated rule routed to the correlations that count it, chains linked. Immutable and shareable; every run
/// (an offline hunt, a live gateway session) keeps its state in its own <see cref="CorrelationRun"/>.
/// </summary>
public sealed class CorrelationSet
{
    private readonly FrozenDictionary<string, MemberPlan[]> _routes;
    private readonly FrozenSet<string> _suppressed;

    private CorrelationSet(IReadOnlyList<CompiledCorrelation> compiled, FrozenDictionary<string, MemberPlan[]> routes, FrozenSet<string> suppressed)
    {
        Compiled = compiled;
        _routes = routes;
        _suppressed = suppressed;
    }

    public static readonly CorrelationSet Empty = new([], FrozenDictionary<string, MemberPlan[]>.Empty, FrozenSet<string>.Empty);

    /// <summary>Compiles the loaded correlations (and any correlation they build on), interning every field they
    /// read into <paramref name="fields"/>, which must not be frozen yet.</summary>
    public static CorrelationSet Compile(IReadOnlyList<SigmaCorrelation> correlations, FieldTableBuilder fields, ICorrelationFieldMapping? mapping = null)
    {
        mapping ??= IdentityFieldMapping.Instance;
        var bySource = new Dictionary<SigmaCorrelation, CompiledCorrelation>(ReferenceEqualityComparer.Instance);
        var compiled = new List<CompiledCorrelation>();
        var listed = new HashSet<SigmaCorrelation>(correlations, ReferenceEqualityComparer.Instance);
        foreach (var correlation in correlations)
            Add(correlation, listed, bySource, compiled);

        var routes = new Dictionary<string, List<MemberPlan>>(StringComparer.Ordinal);
        var consumers = compiled.ToDictionary(c => c, _ => new List<MemberPlan>());
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var correlation in compiled)
        {
            var plans = new MemberPlan[correlation.MemberCount];
            for (var m = 0; m < plans.Length; m++)
            {
                var member = correlation.Source.Rules[m];
                var leaves = Leaves(member).ToList();
                var groupFields = correlation.Source.GroupBy.Select(g => Intern(correlation.Source.FieldFor(g, member), leaves, mapping, fields)).ToArray();
                var valueFields = correlation.Source.Condition.Fields.Select(f => Intern(correlation.Source.FieldFor(f, member), leaves, mapping, fields)).ToArray();
                plans[m] = new MemberPlan(correlation, m, groupFields, valueFields);
                if (member.Rule is { } rule)
                {
                    if (!routes.TryGetValue(rule.Id, out var list))
                        routes[rule.Id] = list = [];
                    list.Add(plans[m]);
                    if (!rule.GeneratesDetections)
                        suppressed.Add(rule.Id);
                }
                else
                {
                    consumers[bySource[member.Correlation!]].Add(plans[m]);
                }
            }
            correlation.Members = plans;
        }
        foreach (var (correlation, list) in consumers)
            correlation.Consumers = [.. list];
        return new CorrelationSet(compiled,
            routes.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            suppressed.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The correlations compiled: those given, then any they build on that were not given (those feed
    /// their chain but report nothing).</summary>
    public IReadOnlyList<SigmaCorrelation> Correlations => [.. Compiled.Select(c => c.Source)];

    public int Count => Compiled.Count;

    /// <summary>Ids of the base rules whose own matches must not be reported (<c>generate: false</c>, the default):
    /// their detections only feed correlations.</summary>
    public IReadOnlySet<string> SuppressedRuleIds => _suppressed;

    internal IReadOnlyList<CompiledCorrelation> Compiled { get; }

    /// <summary>Whether detections of this rule feed any correlation (hand them to the run).</summary>
    public bool Correlates(RuleInfo rule) => _routes.ContainsKey(rule.Id);

    /// <summary>Whether a base-rule detection should be reported on its own (false: it only feeds correlations).</summary>
    public bool ShouldReport(RuleInfo rule) => !_suppressed.Contains(rule.Id);

    /// <summary>Starts a run: the per-stream state. <paramref name="errors"/> receives late and untimed detections
    /// (also counted); <paramref name="time"/> drives <see cref="CorrelationRun.Advance()"/> for live streams.</summary>
    public CorrelationRun StartRun(CorrelationOptions? options = null, IInputErrorSink? errors = null, TimeProvider? time = null) =>
        new(this, options ?? new CorrelationOptions(), errors, time ?? TimeProvider.System);

    internal bool TryGetRoutes(string ruleId, out MemberPlan[] routes) => _routes.TryGetValue(ruleId, out routes!);

    private static void Add(SigmaCorrelation correlation, HashSet<SigmaCorrelation> listed, Dictionary<SigmaCorrelation, CompiledCorrelation> bySource, List<CompiledCorrelation> compiled)
    {
        if (bySource.ContainsKey(correlation))
            return;
        var item = new CompiledCorrelation(compiled.Count, correlation, listed.Contains(correlation));
        bySource[correlation] = item;
        compiled.Add(item);
        foreach (var member in correlation.Rules)
        {
            if (member.Correlation is { } inner)
                Add(inner, listed, bySource, compiled);
        }
    }

    private static IEnumerable<SigmaRule> Leaves(CorrelationMember member) =>
        member.Rule is { } rule ? [rule] : member.Correlation!.Rules.SelectMany(Leaves);

    private static int[] Intern(string field, List<SigmaRule> leaves, ICorrelationFieldMapping mapping, FieldTableBuilder fields)
    {
        var names = new List<string>();
        foreach (var leaf in leaves)
        {
            foreach (var name in mapping.Map(leaf, field))
            {
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    names.Add(name);
            }
        }
        if (names.Count == 0)
            names.Add(field);
        return [.. names.Select(fields.Intern)];
    }
}
