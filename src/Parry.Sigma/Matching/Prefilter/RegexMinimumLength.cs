namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// A lower bound on the length of every match of a regular expression, so a value shorter than it is refused
/// without running the expression (SNAKE's <c>\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}</c>, which has no literal and is
/// evaluated for every process: no match is shorter than 82 characters). Conservative: each top-level character,
/// class or character escape counts one times its quantifier's minimum; groups, anchors, zero-width and back
/// references count nothing, and a pattern with top-level alternation or free whitespace gets 0.
/// </summary>
internal static class RegexMinimumLength
{
    public static int Of(string pattern)
    {
        if (RegexAtoms.HasTopLevelAlternation(pattern) || RegexAtoms.HasFreeSpacing(pattern))
            return 0;
        var total = 0L;
        foreach (var atom in RegexAtoms.Of(pattern))
        {
            var width = atom.Kind switch
            {
                RegexAtomKind.Literal or RegexAtomKind.Class or RegexAtomKind.AnyCharacter => 1,
                // Escapes of one character; the others (\b \B \A \Z \z \G, back references) may match none.
                RegexAtomKind.LetterEscape => "dDwWsSpPxuctnrfvea".Contains(atom.Character(pattern), StringComparison.Ordinal) ? 1 : 0,
                _ => 0,
            };
            total += (long)width * (atom.Quantified ? atom.Minimum : 1);
        }
        return (int)Math.Min(total, int.MaxValue);
    }
}
