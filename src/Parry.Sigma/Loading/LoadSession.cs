using Parry.Sigma.Filters;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// The state of one load: takes each source's parsed documents in load order, sorts them into rules,
/// correlations and filters, keeps the first of duplicate ids and names, and collects every rejection. Per-load;
/// never shared.
/// </summary>
internal sealed class LoadSession
{
    private readonly Dictionary<string, Origin> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Origin> _names = new(StringComparer.Ordinal);

    // Where an id or name was first used. A class, not a tuple: a dictionary over a tuple holding a struct is
    // compiled at run time rather than ahead of time.
    private sealed record Origin(string Path, SourceLocation At);

    public List<SigmaRule> Rules { get; } = [];

    public List<CorrelationDraft> Correlations { get; } = [];

    public List<SigmaFilter> Filters { get; } = [];

    public List<RuleRejection> Rejected { get; } = [];

    /// <summary>Ids and names of rejected documents, so a correlation naming one can say why it is missing.</summary>
    public Dictionary<string, RuleRejection> RejectedReferences { get; } = new(StringComparer.Ordinal);

    public int Files { get; private set; }

    public void Add(IReadOnlyList<DocumentOutcome> source)
    {
        Files++;
        foreach (var outcome in source)
        {
            switch (outcome)
            {
                case { Rule: { } rule }:
                    if (Register(rule.Path, outcome.At, rule.Id, rule.Name, rule.Title))
                        Rules.Add(rule);
                    break;
                case { Correlation: { } draft }:
                    if (Register(draft.Path, outcome.At, draft.Info.Id, draft.Info.Name, draft.Info.Title))
                        Correlations.Add(draft);
                    break;
                case { Filter: { } filter }:
                    Filters.Add(filter);
                    break;
                case { Rejection: { } rejection }:
                    Rejected.Add(rejection);
                    if (outcome.DeclaredId is { } id)
                        RejectedReferences.TryAdd(id, rejection);
                    if (outcome.DeclaredName is { } name)
                        RejectedReferences.TryAdd(name, rejection);
                    break;
            }
        }
    }

    // Keeps the first document with an id or name; a later one is rejected.
    private bool Register(string path, SourceLocation at, string id, string? name, string title)
    {
        if (_ids.TryGetValue(id, out var first))
        {
            Reject(path, at, RejectionCategories.DuplicateId,
                $"id {id} is already used by the rule at {first.Path}:{first.At.Line}; the first one is kept", id, title);
            return false;
        }
        if (name is not null && _names.TryGetValue(name, out var firstNamed))
        {
            Reject(path, at, RejectionCategories.DuplicateName,
                $"name '{name}' is already used by the rule at {firstNamed.Path}:{firstNamed.At.Line}; names must be unique", id, title);
            return false;
        }
        var origin = new Origin(path, at);
        _ids[id] = origin;
        if (name is not null)
            _names[name] = origin;
        return true;
    }

    public RuleRejection Reject(string path, SourceLocation at, string category, string reason, string? id = null, string? title = null)
    {
        var rejection = new RuleRejection(path, at.Line, at.Column, reason, category) { RuleId = id, Title = title };
        Rejected.Add(rejection);
        return rejection;
    }
}
