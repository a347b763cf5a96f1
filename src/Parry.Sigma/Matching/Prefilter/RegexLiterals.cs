namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, conservatively: only characters at the
/// top level of a pattern without top-level alternation, not under a quantifier that allows zero, and ASCII only
/// (the only non-ASCII character a case-insensitive regex equates with an ASCII letter is the Kelvin sign, which
/// folds to 'k', so the folded literal is necessary with or without <c>i</c>). Groups, classes and escapes other
/// than escaped punctuation end a run. Returns the longest run, folded, or null.
/// <see cref="Alternatives"/> also lets a run go on through a small class of plain characters (<c>\.[ "']</c>):
/// then one of several literals is necessary.
/// </summary>
internal static class RegexLiterals
{
    /// <summary>Most literals a run may branch into through small classes.</summary>
    private const int MaxAlternatives = 8;

    public static string? Longest(string pattern) => Best(pattern, expandClasses: false) is [var only] ? only : null;

    /// <summary>Folded literals one of which every match contains: the single longest run, or, where it says more
    /// (fewer and longer literals), a run that branches through small classes; empty when there is none.</summary>
    public static IReadOnlyList<string> Alternatives(string pattern) => Best(pattern, expandClasses: true);

    /// <summary>Every top-level run, folded, in the pattern's order (at most <see cref="MaxSequence"/>, the first
    /// ones): a match holds them all, one after another without overlap, because top-level atoms match consecutive
    /// spans of it. <see cref="Longest"/> keeps only one run: <c>https?://0[0-9]{3,11}</c> keeps "http", which every
    /// URL holds, while "://0" refuses nearly every command line; <c>\{.*\{.*…</c> (ten braces) needs ten '{' in a
    /// row. Here the escapes <c>\n</c>, <c>\r</c> and <c>\t</c> are literal characters too (the literal index keeps
    /// to printable literals).</summary>
    public static IReadOnlyList<string> Sequence(string pattern)
    {
        List<string> all = [];
        Best(pattern, expandClasses: false, all);
        return [.. all.Take(MaxSequence).Select(r => r.ToLowerInvariant())];
    }

    /// <summary>Most runs <see cref="Sequence"/> returns: each costs one search of the value.</summary>
    private const int MaxSequence = 16;

    private static List<string> Best(string pattern, bool expandClasses, List<string>? all = null)
    {
        if (HasTopLevelAlternation(pattern) || HasFreeSpacing(pattern))
            return [];
        List<string> best = [];
        List<string> run = [""];
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            string? members = null;
            int next;
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var escaped = pattern[i + 1];
                    if (all is not null && escaped is 'n' or 'r' or 't')
                    {
                        // Exactly one control character (outside a class, \b is a boundary, so not here).
                        literal = escaped switch { 'n' => '\n', 'r' => '\r', _ => '\t' };
                        next = i + 2;
                        break;
                    }
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        next = SkipEscape(pattern, i);
                        break;
                    }
                    literal = escaped;
                    next = i + 2;
                    break;
                case '[':
                    next = SkipClass(pattern, i);
                    if (expandClasses)
                        members = PlainMembers(pattern, i, next);
                    break;
                case '(':
                    next = SkipGroup(pattern, i);
                    break;
                case '.' or '^' or '$' or '|' or ')' or '\\':
                    next = i + 1;
                    break;
                case '*' or '+' or '?' or '{':
                    // A quantifier whose atom was not a literal; nothing to add. A '{' that starts no quantifier
                    // is a literal (without this the loop would not advance).
                    next = SkipQuantifier(pattern, i, out _);
                    if (next == i)
                    {
                        literal = c;
                        next = i + 1;
                    }
                    break;
                default:
                    literal = c;
                    next = i + 1;
                    break;
            }

            // No quantifier (or past the end): the atom's own end and a minimum of 1.
            var quantifierEnd = SkipQuantifier(pattern, next, out var minimum);
            var quantified = quantifierEnd != next;
            if (literal is { } ch && ch < 128 && (!quantified || minimum > 0))
            {
                run = [.. run.Select(r => r + ch)];
                if (quantified)
                    Close(ref run, ref best, all); // the character repeats: the run cannot continue past it
            }
            else if (members is not null && (!quantified || minimum > 0) && run.Count * members.Length <= MaxAlternatives)
            {
                // One of the class's characters follows the run: the run branches.
                run = [.. run.SelectMany(r => members.Select(m => r + m)).Distinct(StringComparer.Ordinal)];
                if (quantified)
                    Close(ref run, ref best, all);
            }
            else
            {
                Close(ref run, ref best, all);
            }
            i = quantifierEnd;
        }
        Close(ref run, ref best, all);
        return [.. best.Select(b => b.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    // Ends the current run: it becomes the best when it says more — fewer, longer literals (the chance that an
    // unrelated value holds one of k literals of length n goes as k / 4^n); a single literal always beats an empty
    // best, and only single runs compete by length alone, as Longest always chose.
    private static void Close(ref List<string> run, ref List<string> best, List<string>? all)
    {
        if (all is not null && run is [{ Length: > 0 } single])
            all.Add(single);
        if (run[0].Length > 0 && (run.Count == 1 || run[0].Length >= 2) && (best.Count == 0 || Chance(run) < Chance(best)))
            best = run;
        run = [""];
    }

    private static double Chance(List<string> literals) => literals.Count * Math.Pow(0.25, literals[0].Length);

    // The characters of a class written as plain ASCII characters (escaped punctuation allowed), at most four of
    // them, not negated and without ranges, nested classes or escapes like \s; otherwise null.
    private static string? PlainMembers(string p, int open, int end)
    {
        var close = end - 1;
        if (close <= open + 1 || close >= p.Length || p[close] != ']' || p[open + 1] == '^')
            return null;
        var members = new System.Text.StringBuilder();
        for (var j = open + 1; j < close; j++)
        {
            var c = p[j];
            if (c == '\\')
            {
                if (j + 1 >= close || char.IsAsciiLetterOrDigit(p[j + 1]))
                    return null;
                c = p[++j];
            }
            else if (c is '-' or '[')
            {
                return null;
            }
            if (c >= 128)
                return null;
            members.Append(c);
        }
        return members.Length is > 0 and <= 4 ? members.ToString() : null;
    }

    // At a quantifier (* + ? {n,m}, with a lazy or possessive suffix) returns the index after it and its minimum.
    internal static int SkipQuantifier(string p, int i, out int minimum)
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

    internal static int SkipEscape(string p, int i)
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

    internal static int SkipClass(string p, int i)
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
    internal static bool HasFreeSpacing(string p) =>
        System.Text.RegularExpressions.Regex.IsMatch(p, @"\(\?[imnsx-]*x[imnsx-]*[:)]");

    internal static int SkipGroup(string p, int i)
    {
        var depth = 0;
        for (var j = i; j < p.Length; j++)
        {
            switch (p[j])
            {
                case '\\':
                    j++;
                    break;
                case '[':
                    j = SkipClass(p, j) - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return j + 1;
            }
        }
        return p.Length;
    }

    internal static bool HasTopLevelAlternation(string p)
    {
        var depth = 0;
        for (var j = 0; j < p.Length; j++)
        {
            switch (p[j])
            {
                case '\\':
                    j++;
                    break;
                case '[':
                    j = SkipClass(p, j) - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    return true;
            }
        }
        return false;
    }
}
