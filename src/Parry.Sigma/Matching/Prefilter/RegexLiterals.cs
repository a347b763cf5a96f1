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
        if (RegexAtoms.HasTopLevelAlternation(pattern) || RegexAtoms.HasFreeSpacing(pattern))
            return [];
        List<string> best = [];
        List<string> run = [""];
        foreach (var atom in RegexAtoms.Of(pattern))
        {
            char? literal = atom.Kind switch
            {
                RegexAtomKind.Literal => atom.Character(pattern),
                // Exactly one control character (outside a class, \b is a boundary, so not here).
                RegexAtomKind.LetterEscape when all is not null => atom.Character(pattern) switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => null,
                },
                _ => null,
            };
            var members = expandClasses && atom.Kind == RegexAtomKind.Class ? PlainMembers(pattern, atom.Start, atom.End) : null;
            var present = !atom.Quantified || atom.Minimum > 0;
            if (literal is { } ch && ch < 128 && present)
            {
                run = [.. run.Select(r => r + ch)];
                if (atom.Quantified)
                    Close(ref run, ref best, all); // the character repeats: the run cannot continue past it
            }
            else if (members is not null && present && run.Count * members.Length <= MaxAlternatives)
            {
                // One of the class's characters follows the run: the run branches.
                run = [.. run.SelectMany(r => members.Select(m => r + m)).Distinct(StringComparer.Ordinal)];
                if (atom.Quantified)
                    Close(ref run, ref best, all);
            }
            else
            {
                Close(ref run, ref best, all);
            }
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
}
