namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// What reaching an automaton state marks: the hits <c>[HitStart, HitEnd)</c> of the automaton's hit array, at once
/// when <see cref="Literal"/> is null (the state spells the whole literal), otherwise only when the whole literal
/// stands in the text around the anchor the state spells, starting <see cref="Back"/> characters before the anchor's
/// end. Every rule that holds the literal shares one check, so a literal is compared once however many rules use it.
/// </summary>
internal readonly record struct LiteralCheck(string? Literal, int Back, int HitStart, int HitEnd);
