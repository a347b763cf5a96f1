using Parry.Sigma.Rules;

namespace Parry.Sigma.Filters;

/// <summary>
/// A meta filter (<c>filter:</c> document): its detection is added as <c>and not (filter condition)</c> to every
/// rule it names by id or name (or to all rules, for <c>rules: any</c>) whose log source its own log source covers.
/// Immutable.
/// </summary>
public sealed class SigmaFilter(
    string title, string? id, SigmaLogSource logSource, IReadOnlyList<string> ruleReferences, bool appliesToAll,
    SigmaDetection detection, string path, SourceLocation location)
{
    public string Title { get; } = title;

    public string? Id { get; } = id;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public SigmaLogSource LogSource { get; } = logSource;

    /// <summary>The rules named in <c>filter.rules</c>, as written (ids or names).</summary>
    public IReadOnlyList<string> RuleReferences { get; } = ruleReferences;

    /// <summary><c>rules: any</c> (or an empty list): every rule whose log source is covered.</summary>
    public bool AppliesToAll { get; } = appliesToAll;

    public SigmaDetection Detection { get; } = detection;

    public string Path { get; } = path;

    public SourceLocation Location { get; } = location;

    /// <summary>What rules record in <see cref="SigmaRule.AppliedFilters"/>: the id, or the title without one.</summary>
    public string Key => Id ?? Title;

    public bool Names(SigmaRule rule) =>
        AppliesToAll || RuleReferences.Any(r => r == rule.Id || (rule.Name is not null && r == rule.Name));

    public override string ToString() => $"{Title} ({Key})";
}
