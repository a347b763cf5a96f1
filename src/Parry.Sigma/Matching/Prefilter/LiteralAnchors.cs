namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Picks, for each literal an automaton indexes, the short window of it the automaton spells instead (its anchor).
/// A walk goes deep only while the text follows a literal's prefix, and long literals share long prefixes with
/// ordinary text (<c>\windows\system32\</c>, <c>\appdata\local\</c>): a process-creation command line spent about half
/// of its characters in deep steps. With windows of <see cref="Length"/> characters the automaton is never deeper
/// than that, and a window shared by few literals is unlikely to be ordinary text either.
/// </summary>
internal static class LiteralAnchors
{
    /// <summary>Characters in an anchor (a shorter literal is its own anchor).</summary>
    public const int Length = 4;

    /// <summary>
    /// For each literal, where its anchor starts: the window of <see cref="Length"/> characters with the fewest
    /// characters other than letters and digits (separators, drive colons and extension dots are what paths in the
    /// text share: <c>c:\w</c>, <c>:\pr</c>, <c>d.ex</c> were the windows whose checks failed most), then contained in
    /// the fewest of the literals (they stand in for the text the automaton will meet: rule authors write the paths
    /// and switches of real command lines), the last such window on a tie (in logs the starts of literals repeat more
    /// than their ends). Deterministic: the same literals give the same anchors.
    /// </summary>
    public static Dictionary<string, int> Choose(IReadOnlyCollection<string> literals)
    {
        var windows = 0;
        foreach (var literal in literals)
            windows += Math.Max(0, literal.Length - Length + 1);
        var counts = new AnchorWindowCounts(windows);
        var number = 0;
        foreach (var literal in literals)
        {
            for (var start = 0; start + Length <= literal.Length; start++)
                counts.Add(AnchorWindowCounts.KeyOf(literal, start), number);
            number++;
        }
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var literal in literals)
        {
            var best = 0;
            var fewest = (Separators: int.MaxValue, Literals: int.MaxValue);
            for (var start = 0; start + Length <= literal.Length; start++)
            {
                var window = literal.AsSpan(start, Length);
                var separators = 0;
                foreach (var c in window)
                {
                    if (!char.IsLetterOrDigit(c))
                        separators++;
                }
                var score = (separators, counts.Count(AnchorWindowCounts.KeyOf(literal, start)));
                if (score.CompareTo(fewest) <= 0)
                {
                    fewest = score;
                    best = start;
                }
            }
            anchors[literal] = best;
        }
        return anchors;
    }
}
