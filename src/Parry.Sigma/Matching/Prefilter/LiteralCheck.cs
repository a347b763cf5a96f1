namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// What reaching an automaton state marks: <see cref="HitCount"/> hits from <see cref="HitStart"/> in the automaton's
/// hit array, at once when <see cref="Length"/> is 0 (the state spells the whole literal), otherwise only when the
/// literal — <see cref="Length"/> characters from <see cref="LiteralStart"/> in the automaton's literal text — stands
/// in the text around the anchor the state spells, starting <see cref="Back"/> characters before the anchor's end.
/// Every rule that holds the literal shares one check, so a literal is compared once however many rules use it.
/// </summary>
/// <remarks>The literals of an automaton lie side by side in one array: a check reads the cache lines next to its
/// neighbours' instead of a string object wherever the rule loader left it.</remarks>
internal readonly record struct LiteralCheck(int LiteralStart, int Length, int Back, int HitStart, int HitCount);
