using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class LiteralAnchorsTests
{
    [Fact]
    public void The_anchor_is_a_window_of_letters_and_digits_that_fewest_other_literals_hold()
    {
        string[] literals = [@"\windows\temp\x", @"\windows\temp\y", @"\windows\evil", @"c:\programdata\", @"\programdata\a", @"\programdata\b"];
        var anchors = LiteralAnchors.Choose(literals);
        // "temp" (two literals) rather than "wind" (three) or the unshared "mp\x", which holds a separator.
        anchors[@"\windows\temp\x"].ShouldBe(9);
        anchors[@"\windows\temp\y"].ShouldBe(9);
        anchors[@"\windows\evil"].ShouldBe(9);
        // Every letter window is in three literals: the last of them, not the unshared "c:\p".
        anchors[@"c:\programdata\"].ShouldBe(10);
    }

    [Fact]
    public void Anchors_are_the_windows_the_definition_picks_for_any_literals()
    {
        // A small alphabet makes literals share windows; up to 400 literals make the window table grow.
        var literal = Gen.Elements('a', 'b', '\\', '.', 'é', 'Ā', '\uD83D').ArrayOf().Select(c => new string(c));
        Prop.ForAll(literal.ArrayOf().Select(l => l.Take(400).ToArray()).ToArbitrary(), literals =>
        {
            var chosen = LiteralAnchors.Choose(literals);
            var expected = Reference(literals);
            return chosen.Count == expected.Count && expected.All(p => chosen[p.Key] == p.Value);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Anchors_of_thousands_of_path_literals_match_the_definition()
    {
        // Thousands of distinct literals with shared path windows, as a process_creation group has.
        var literals = Enumerable.Range(0, 5000)
            .Select(i => $@"\windows\system32\tool{i % 97}\{(char)('a' + i % 26)}{i}.exe")
            .Distinct()
            .ToArray();
        var chosen = LiteralAnchors.Choose(literals);
        foreach (var (key, value) in Reference(literals))
            chosen[key].ShouldBe(value, key);
    }

    // The definition, written plainly: windows counted once per literal holding them; per literal the last window
    // with the fewest non-letter/digit characters, then held by the fewest literals.
    private static Dictionary<string, int> Reference(IReadOnlyCollection<string> literals)
    {
        var holding = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var literal in literals)
        {
            var windows = Enumerable.Range(0, Math.Max(0, literal.Length - LiteralAnchors.Length + 1))
                .Select(start => literal.Substring(start, LiteralAnchors.Length));
            foreach (var window in windows.Distinct(StringComparer.Ordinal))
                holding[window] = holding.GetValueOrDefault(window) + 1;
        }
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var literal in literals)
        {
            var best = 0;
            (int Separators, int Holding) fewest = (int.MaxValue, int.MaxValue);
            for (var start = 0; start + LiteralAnchors.Length <= literal.Length; start++)
            {
                var window = literal.Substring(start, LiteralAnchors.Length);
                var score = (window.Count(c => !char.IsLetterOrDigit(c)), holding[window]);
                if (score.CompareTo(fewest) <= 0)
                    (fewest, best) = (score, start);
            }
            anchors[literal] = best;
        }
        return anchors;
    }

    [Theory]
    [InlineData("evil.exe", true)]
    [InlineData("--evil.exe", true)]
    [InlineData("evil.exe--", true)]
    [InlineData("vil.exe", false)]
    [InlineData("evil.ex", false)]
    [InlineData("bevil.exe", true)]
    [InlineData("good.exe.exe evil", false)]
    [InlineData("abc", false)]
    public void A_long_literal_is_marked_only_where_it_stands_whole_around_its_anchor(string value, bool evilMarked)
    {
        // "evil.exe" shares ".exe" with "good.exe", so its anchor is a window of "evil"; "abc" is its own anchor.
        var builder = new LiteralAutomatonBuilder();
        builder.Add("evil.exe", new LiteralHit(0, 0));
        builder.Add("good.exe", new LiteralHit(1, 0));
        builder.Add("abc", new LiteralHit(2, 0));
        for (var filler = 0; filler < LiteralAutomatonBuilder.MaxGuardedLiterals; filler++)
            builder.Add($"#{filler}#", new LiteralHit(3, 0));
        var bits = new ulong[2];
        builder.Build().Scan(value, new CandidateMarks(bits, 1));
        (bits[0] & 1).ShouldBe(evilMarked ? 1UL : 0UL);
        ((bits[0] >> 1) & 1).ShouldBe(value.Contains("good.exe", StringComparison.Ordinal) ? 1UL : 0UL);
        ((bits[0] >> 2) & 1).ShouldBe(value.Contains("abc", StringComparison.Ordinal) ? 1UL : 0UL);
    }
}
