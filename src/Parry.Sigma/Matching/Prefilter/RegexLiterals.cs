namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, conservatively: only characters at the
/// top level of a pattern without top-level alternation, not under a quantifier that allows zero, and ASCII only
/// (the only non-ASCII character a case-insensitive regex equates with an ASCII letter is the Kelvin sign, which
/// folds to 'k', so the folded literal is necessary with or without <c>i</c>). Groups, classes and escapes other
/// than escaped punctuation end a run. Returns the longest run, folded, or null.
/// </summary>
internal static class RegexLiterals
{
    public static string? Longest(string pattern)
    {
        if (HasTopLevelAlternation(pattern) || pattern.Contains("(?x", StringComparison.Ordinal))
            return null;
        var best = "";
        var run = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            int next;
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var escaped = pattern[i + 1];
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
                    break;
                case '(':
                    next = SkipGroup(pattern, i);
                    break;
                case '.' or '^' or '$' or '|' or ')' or '\\':
                    next = i + 1;
                    break;
                case '*' or '+' or '?' or '{':
                    // A quantifier whose atom was not a literal; nothing to add.
                    next = SkipQuantifier(pattern, i, out _);
                    break;
                default:
                    literal = c;
                    next = i + 1;
                    break;
            }

            var minimum = 1;
            var quantifierEnd = next < pattern.Length ? SkipQuantifier(pattern, next, out minimum) : next;
            var quantified = quantifierEnd != next;
            if (literal is { } ch && ch < 128 && (!quantified || minimum > 0))
            {
                run.Append(ch);
                if (quantified)
                    Close(run, ref best); // the character repeats: the run cannot continue past it
            }
            else
            {
                Close(run, ref best);
            }
            i = quantified ? quantifierEnd : next;
        }
        Close(run, ref best);
        return best.Length > 0 ? best.ToLowerInvariant() : null;
    }

    private static void Close(System.Text.StringBuilder run, ref string best)
    {
        if (run.Length > best.Length)
            best = run.ToString();
        run.Clear();
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
            j += p[j] == '\\' ? 2 : 1;
        return Math.Min(p.Length, j + 1);
    }

    private static int SkipGroup(string p, int i)
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

    private static bool HasTopLevelAlternation(string p)
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
