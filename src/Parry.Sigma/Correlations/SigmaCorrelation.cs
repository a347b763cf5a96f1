using Parry.Core.Detections;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Correlations;

/// <summary>
/// A Sigma correlation rule, validated and with every referenced rule resolved (detection rules and, for chains,
/// other correlations). Evaluation is the correlator's job; this is its immutable input.
/// </summary>
public sealed class SigmaCorrelation
{
    internal SigmaCorrelation(
        RuleInfo info, CorrelationType type, IReadOnlyList<CorrelationMember> rules, IReadOnlyList<string> groupBy,
        TimeSpan timespan, string timespanText, CorrelationCondition condition,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> aliases, bool generate, string path,
        SourceLocation location)
    {
        Info = info;
        Type = type;
        Rules = rules;
        GroupBy = groupBy;
        Timespan = timespan;
        TimespanText = timespanText;
        Condition = condition;
        Aliases = aliases;
        Generate = generate;
        Path = path;
        Location = location;
    }

    public RuleInfo Info { get; }

    public string Id => Info.Id;

    public string Title => Info.Title;

    public string? Name => Info.Name;

    public CorrelationType Type { get; }

    /// <summary>The rules (or correlations) correlated, in the order written (the order that
    /// <c>temporal_ordered</c> requires).</summary>
    public IReadOnlyList<CorrelationMember> Rules { get; }

    /// <summary>Fields (or aliases) whose values must be equal within a group; empty: one group.</summary>
    public IReadOnlyList<string> GroupBy { get; }

    public TimeSpan Timespan { get; }

    public string TimespanText { get; }

    /// <summary>The condition; for temporal types without one, "all rules matched" (gte the number of rules).</summary>
    public CorrelationCondition Condition { get; }

    /// <summary>alias → (rule id or name → field in that rule's events).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; }

    /// <summary><c>generate</c>: the referenced rules also report their own matches.</summary>
    public bool Generate { get; }

    /// <summary>False when this correlation is only a step of another correlation that does not generate it.</summary>
    public bool GeneratesDetections { get; internal init; } = true;

    public string Path { get; }

    public SourceLocation Location { get; }

    public string? Taxonomy { get; init; }

    /// <summary>The event field a group-by entry means for events of <paramref name="member"/>: the alias's field
    /// for that rule when the entry is an alias, else the entry itself.</summary>
    public string FieldFor(string groupBy, CorrelationMember member)
    {
        if (Aliases.TryGetValue(groupBy, out var byRule))
        {
            if (member.Name is not null && byRule.TryGetValue(member.Name, out var named))
                return named;
            if (byRule.TryGetValue(member.Id, out var byId))
                return byId;
        }
        return groupBy;
    }

    public override string ToString() => $"{Title} ({Id})";
}
