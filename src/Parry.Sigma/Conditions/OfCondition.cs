namespace Parry.Sigma.Conditions;

/// <summary>
/// <c>1 of selection_*</c>, <c>all of them</c>, <c>any of filter*</c>: the pattern as written and the search
/// identifiers it resolved to (<c>them</c> leaves out identifiers starting with <c>_</c>, as do patterns that do
/// not themselves start with <c>_</c>).
/// </summary>
public sealed class OfCondition(OfQuantifier quantifier, int count, string pattern, IReadOnlyList<string> resolved, int position = 0)
    : ConditionNode(position)
{
    public OfQuantifier Quantifier { get; } = quantifier;

    /// <summary>For <see cref="OfQuantifier.AtLeast"/>: how many must hold (1 for <c>1 of</c> and <c>any of</c>).</summary>
    public int Count { get; } = count;

    /// <summary><c>them</c> or the identifier pattern as written.</summary>
    public string Pattern { get; } = pattern;

    public IReadOnlyList<string> Resolved { get; } = resolved;

    public override ConditionNode Rename(Func<string, string> rename) =>
        new OfCondition(Quantifier, Count, Pattern, [.. Resolved.Select(rename)], Position);

    public override IEnumerable<string> Identifiers() => Resolved;

    public override string ToString() => $"{(Quantifier == OfQuantifier.All ? "all" : Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} of {Pattern}";
}
