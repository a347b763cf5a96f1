namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Where a required literal must sit in the value.</summary>
internal enum LiteralAnchor : byte
{
    Anywhere,
    Start,
    End,
    Exact,
}
