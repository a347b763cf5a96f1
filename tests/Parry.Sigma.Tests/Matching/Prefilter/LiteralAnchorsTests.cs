using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class LiteralAnchorsTests
{
    [Fact]
    public void A_window_shared_by_other_literals_is_not_chosen()
    {
        string[] literals = [@"\windows\temp\x", @"\windows\temp\y", @"\windows\evil"];
        var anchors = LiteralAnchors.Choose(literals);
        // "\windows\" is in all three: each literal's anchor is a window only it holds, the last one on a tie.
        anchors[@"\windows\temp\x"].ShouldBe(11);
        anchors[@"\windows\temp\y"].ShouldBe(11);
        anchors[@"\windows\evil"].ShouldBe(9);
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
