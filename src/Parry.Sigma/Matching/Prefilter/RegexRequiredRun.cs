using System.Text.RegularExpressions;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// The longest run of one character class that every match of a regular expression contains: a top-level class of
/// plain ASCII characters and ranges, quantified with a minimum of at least <see cref="MinimumRun"/> (SNAKE's
/// <c>\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}</c>, which has no literal, is evaluated on every process creation and
/// costs a quarter of a microsecond per command line of 82+ characters). Conservative: none for a pattern with
/// top-level alternation, any inline group (<c>(?i)</c> would widen the class), the ignore-case option, or a class
/// with escapes, negation, subtraction or non-ASCII characters.
/// </summary>
internal static class RegexRequiredRun
{
    /// <summary>Shorter runs occur too often in logs to refuse much; 7 takes Obfuscated IP Download's octal
    /// <c> [0-7]{7,13}</c>, which is otherwise run on every candidate command line (its only literal is a space).</summary>
    public const int MinimumRun = 7;

    public static RequiredCharRun? Of(string pattern, RegexOptions options)
    {
        if ((options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)) != 0
            || pattern.Contains("(?", StringComparison.Ordinal) || RegexAtoms.HasTopLevelAlternation(pattern))
            return null;
        RequiredCharRun? best = null;
        foreach (var atom in RegexAtoms.Of(pattern))
        {
            if (atom.Kind != RegexAtomKind.Class || !atom.Quantified || atom.Minimum < MinimumRun || atom.Minimum <= (best?.Length ?? 0))
                continue;
            if (PlainClass(pattern.AsSpan(atom.Start + 1, Math.Max(0, atom.End - atom.Start - 2))) is { } members)
                best = new RequiredCharRun(members, atom.Minimum);
        }
        return best;
    }

    // The class's members when it lists only ASCII characters and ranges (a '-' first or last is itself).
    private static bool[]? PlainClass(ReadOnlySpan<char> body)
    {
        if (body.IsEmpty || body[0] == '^' || body.ContainsAny('\\', '[', ']'))
            return null;
        var members = new bool[128];
        for (var j = 0; j < body.Length; j++)
        {
            var low = body[j];
            var high = low;
            if (j + 2 < body.Length && body[j + 1] == '-')
            {
                high = body[j + 2];
                j += 2;
            }
            if (high >= 128 || low > high)
                return null;
            for (var c = low; c <= high; c++)
                members[c] = true;
        }
        return members;
    }
}
