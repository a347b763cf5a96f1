namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// One top-level atom of a pattern: the characters <c>[Start, End)</c>, then its quantifier up to
/// <see cref="QuantifierEnd"/> (equal to <see cref="End"/> when there is none) with the quantifier's
/// <see cref="Minimum"/> (1 when there is none).
/// </summary>
internal readonly record struct RegexAtom(RegexAtomKind Kind, int Start, int End, int QuantifierEnd, int Minimum)
{
    public bool Quantified => QuantifierEnd != End;

    /// <summary>For a <see cref="RegexAtomKind.Literal"/>, the character it matches (the escaped one for
    /// <c>\.</c>); for a <see cref="RegexAtomKind.LetterEscape"/>, the letter or digit after the backslash.</summary>
    public char Character(string pattern) => pattern[End - 1 == Start ? Start : Start + 1];
}
