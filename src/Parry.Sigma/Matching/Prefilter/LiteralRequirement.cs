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
    public double Likelihood
    {
        get
        {
            var sum = 0.0;
            foreach (var alternative in Alternatives)
                sum += alternative.Likelihood;
            return sum;
        }
    }

    /// <summary>Every alternative of the requirements once, in the order first met (as LINQ's Distinct gives them;
    /// written out, since LINQ over this struct is compiled at run time, not ahead of time).</summary>
    public static LiteralRequirement Union(IEnumerable<LiteralRequirement> requirements)
    {
        var seen = new HashSet<RequiredLiteral>();
        var union = new List<RequiredLiteral>();
        foreach (var requirement in requirements)
        {
            foreach (var alternative in requirement.Alternatives)
            {
                if (seen.Add(alternative))
                    union.Add(alternative);
            }
        }
        return new([.. union]);
    }
}
