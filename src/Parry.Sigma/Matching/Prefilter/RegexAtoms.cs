namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Walks the top level of a regular expression atom by atom, each with its quantifier: the one reading of the
/// pattern that <see cref="RegexLiterals"/>, <see cref="RegexMinimumLength"/> and <see cref="RegexRequiredRun"/>
/// draw their conservative conclusions from. Groups and classes are skipped whole, so what is inside them is never
/// taken for the top level.
/// </summary>
internal static class RegexAtoms
{
    public static IEnumerable<RegexAtom> Of(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            var (kind, end) = pattern[i] switch
            {
                '\\' when i + 1 < pattern.Length => char.IsAsciiLetterOrDigit(pattern[i + 1])
                    ? (RegexAtomKind.LetterEscape, SkipEscape(pattern, i))
                    : (RegexAtomKind.Literal, i + 2),
                '[' => (RegexAtomKind.Class, SkipClass(pattern, i)),
                '(' => (RegexAtomKind.Group, SkipGroup(pattern, i)),
                '.' => (RegexAtomKind.AnyCharacter, i + 1),
                '^' or '$' or '|' or ')' or '\\' => (RegexAtomKind.ZeroWidth, i + 1),
                // A '{' that starts no quantifier is a literal character (without this the walk would not advance).
                '*' or '+' or '?' or '{' when SkipQuantifier(pattern, i, out _) is var stray && stray != i
                    => (RegexAtomKind.StrayQuantifier, stray),
                _ => (RegexAtomKind.Literal, i + 1),
            };
            // No quantifier (or past the end): the atom's own end and a minimum of 1.
            var quantifierEnd = SkipQuantifier(pattern, end, out var minimum);
            yield return new RegexAtom(kind, i, end, quantifierEnd, minimum);
            i = quantifierEnd;
        }
    }

    // At a quantifier (* + ? {n,m}, with a lazy or possessive suffix) returns the index after it and its minimum.
    private static int SkipQuantifier(string p, int i, out int minimum)
    {
        minimum = 1;
        if (i >= p.Length)
            return i;
        int end;
        switch (p[i])
        {
            case '*' or '?':
                minimum = 0;
                end = i + 1;
                break;
            case '+':
                end = i + 1;
                break;
            case '{':
                var close = p.IndexOf('}', i);
                if (close < 0)
                    return i;
                var body = p.AsSpan(i + 1, close - i - 1);
                var comma = body.IndexOf(',');
                var first = comma < 0 ? body : body[..comma];
                if (!int.TryParse(first, out minimum))
                {
                    if (first.Length != 0)
                        return i; // not a quantifier: a literal '{'
                    minimum = 0;
                }
                end = close + 1;
                break;
            default:
                return i;
        }
        if (end < p.Length && p[end] is '?' or '+')
            end++;
        return end;
    }

    private static int SkipEscape(string p, int i)
    {
        var kind = p[i + 1];
        var at = i + 2;
        switch (kind)
        {
            case 'x':
                return Math.Min(p.Length, at + 2);
            case 'u':
                return Math.Min(p.Length, at + 4);
            case 'c':
                return Math.Min(p.Length, at + 1);
            case 'p' or 'P' or 'k' when at < p.Length && p[at] is '{' or '<' or '\'':
                var close = p.IndexOfAny(['}', '>', '\''], at + 1);
                return close < 0 ? p.Length : close + 1;
            default:
                while (char.IsAsciiDigit(kind) && at < p.Length && char.IsAsciiDigit(p[at]))
                    at++;
                return at;
        }
    }

    private static int SkipClass(string p, int i)
    {
        var j = i + 1;
        if (j < p.Length && p[j] == '^')
            j++;
        if (j < p.Length && p[j] == ']')
            j++;
        while (j < p.Length && p[j] != ']')
        {
            // A subtraction ([a-z-[aeiou]]) nests a class whose ']' does not end this one.
            if (p[j] == '[' && p[j - 1] == '-')
                j = SkipClass(p, j);
            else
                j += p[j] == '\\' ? 2 : 1;
        }
        return Math.Min(p.Length, j + 1);
    }

    /// <summary>Whether whitespace in the pattern may be free spacing rather than literal: an inline option group
    /// that names x ((?x), (?ix), (?x:…), (?-x) alike, conservatively).</summary>
    public static bool HasFreeSpacing(string p) =>
        System.Text.RegularExpressions.Regex.IsMatch(p, @"\(\?[imnsx-]*x[imnsx-]*[:)]");

    private static int SkipGroup(string p, int i)
    {
        var depth = 0;
        var j = i;
        while (j < p.Length)
        {
            switch (p[j])
            {
                case '(':
                    depth++;
                    j++;
                    break;
                case ')' when --depth == 0:
                    return j + 1;
                case ')':
                    j++;
                    break;
                default:
                    j = SkipEscapeOrClass(p, j);
                    break;
            }
        }
        return p.Length;
    }

    // The index after the character at i, or after the escape or class that starts there.
    private static int SkipEscapeOrClass(string p, int i) => p[i] switch
    {
        '\\' => Math.Min(p.Length, i + 2),
        '[' => SkipClass(p, i),
        _ => i + 1,
    };

    /// <summary>Whether a <c>|</c> stands outside every group and class: then no single atom sequence describes every
    /// match, and the analyses give up.</summary>
    public static bool HasTopLevelAlternation(string p)
    {
        for (var j = 0; j < p.Length; j = p[j] == '(' ? SkipGroup(p, j) : SkipEscapeOrClass(p, j))
        {
            if (p[j] == '|')
                return true;
        }
        return false;
    }
}
