namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Folded text that must occur in a value of <see cref="Field"/> (or, for <see cref="AnyField"/>, in any value of
/// the event), at the given anchor.
/// </summary>
internal readonly record struct RequiredLiteral(int Field, string Folded, LiteralAnchor Anchor)
{
    /// <summary>Keyword searches: any value of the event.</summary>
    public const int AnyField = -1;

    /// <summary>A rough chance that an unrelated value holds the literal: shorter and unanchored is likelier.</summary>
    public double Likelihood
    {
        get
        {
            var anchor = Anchor switch
            {
                LiteralAnchor.Exact => 0.05,
                LiteralAnchor.Start or LiteralAnchor.End => 0.3,
                _ => 1.0,
            };
            var scope = Field == AnyField ? 8.0 : 1.0;
            return Math.Pow(0.25, Math.Min(Folded.Length, 12)) * anchor * scope;
        }
    }
}
