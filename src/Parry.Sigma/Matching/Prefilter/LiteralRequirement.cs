namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// A necessary condition of a rule: if the rule matches an event, at least one of <see cref="Alternatives"/>
/// occurs in it. No alternatives: the rule can never match.
/// </summary>
internal sealed class LiteralRequirement(IReadOnlyList<RequiredLiteral> alternatives)
{
    public static readonly LiteralRequirement Never = new([]);

    public IReadOnlyList<RequiredLiteral> Alternatives { get; } = alternatives;

    /// <summary>The expected cost of keeping a rule with this requirement as a candidate; lower is better.</summary>
    public double Likelihood => Alternatives.Sum(a => a.Likelihood);

    public static LiteralRequirement Union(IEnumerable<LiteralRequirement> requirements) =>
        new([.. requirements.SelectMany(r => r.Alternatives).Distinct()]);
}
