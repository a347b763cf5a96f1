namespace Parry.Sigma.Matching.Prefilter;

/// <summary>What finding a literal marks: the rule slot, and which of the rule's (up to two) requirements it
/// satisfies.</summary>
internal readonly record struct LiteralHit(int Slot, int Which);
