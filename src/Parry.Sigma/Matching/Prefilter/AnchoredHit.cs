namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// What reaching an automaton state marks: <see cref="Hit"/>, at once when <see cref="Literal"/> is null (the state
/// spells the whole literal), otherwise only when the whole literal stands in the text around the anchor the state
/// spells, starting <see cref="Back"/> characters before the anchor's end.
/// </summary>
internal readonly record struct AnchoredHit(LiteralHit Hit, string? Literal, int Back);
