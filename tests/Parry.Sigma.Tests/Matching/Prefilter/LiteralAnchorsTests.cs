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
