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
        if (RegexLiterals.HasTopLevelAlternation(pattern) || RegexLiterals.HasFreeSpacing(pattern))
            return 0;
        var total = 0L;
        var i = 0;
        while (i < pattern.Length)
        {
            var width = 1;
            int next;
            switch (pattern[i])
            {
                case '\\' when i + 1 < pattern.Length:
                    var escaped = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        next = RegexLiterals.SkipEscape(pattern, i);
                        // Escapes of one character; the others (\b \B \A \Z \z \G, back references) may match none.
                        width = "dDwWsSpPxuctnrfvea".Contains(escaped, StringComparison.Ordinal) ? 1 : 0;
                    }
                    else
                    {
                        next = i + 2;
                    }
                    break;
                case '\\':
                    next = i + 1;
                    width = 0;
                    break;
                case '[':
                    next = RegexLiterals.SkipClass(pattern, i);
                    break;
                case '(':
                    next = RegexLiterals.SkipGroup(pattern, i);
                    width = 0;
                    break;
                case '^' or '$' or '|' or ')':
                    next = i + 1;
                    width = 0;
                    break;
                case '*' or '+' or '?' or '{':
                    // A quantifier after an atom counted as nothing; a '{' that starts no quantifier is a character.
                    next = RegexLiterals.SkipQuantifier(pattern, i, out _);
                    if (next == i)
                        next = i + 1;
                    else
                        width = 0;
                    break;
                default:
                    next = i + 1;
                    break;
            }
            // No quantifier (or past the end): the atom's own end and a minimum of 1.
            var quantifierEnd = RegexLiterals.SkipQuantifier(pattern, next, out var minimum);
            var quantified = quantifierEnd != next;
            total += (long)width * (quantified ? minimum : 1);
            i = quantifierEnd;
        }
        return (int)Math.Min(total, int.MaxValue);
    }
}
