using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class RegexRequiredRunTests
{
    [Theory]
    [InlineData(@"\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}", RegexOptions.None, 64)]
    [InlineData(@"x[0-9]{8,}y", RegexOptions.None, 8)]
    [InlineData(@"(ab)[-a-c]{10}?", RegexOptions.None, 10)]
    [InlineData(@"[0-9]{7}", RegexOptions.None, 7)]
    [InlineData(@" [0-7]{7,13}", RegexOptions.None, 7)]
    [InlineData(@"[0-9]{6}", RegexOptions.None, 0)]
    [InlineData(@"[^0-9]{20}", RegexOptions.None, 0)]
    [InlineData(@"[\d]{20}", RegexOptions.None, 0)]
    [InlineData(@"[a-z-[aeiou]]{20}", RegexOptions.None, 0)]
    [InlineData(@"[a-f]{20}|x", RegexOptions.None, 0)]
    [InlineData(@"(?i)[a-f]{20}", RegexOptions.None, 0)]
    [InlineData(@"[a-f]{20}", RegexOptions.IgnoreCase, 0)]
    [InlineData(@"([a-f]{20})", RegexOptions.None, 0)]
    [InlineData(@"\[a-f]{20}", RegexOptions.None, 0)]
    [InlineData(@"[a-fé]{20}", RegexOptions.None, 0)]
    public void Finds_the_longest_top_level_class_run(string pattern, RegexOptions options, int length) =>
        (RegexRequiredRun.Of(pattern, options)?.Length ?? 0).ShouldBe(length);

    [Theory]
    [InlineData("", false)]
    [InlineData("0123456", false)]
    [InlineData("01234567", true)]
    [InlineData("x 0123456 7 01234567", true)]
    [InlineData("x 0123456 7 0123456 ", false)]
    [InlineData("0123456x01234567", true)]
    [InlineData("a0123456x0123456x", false)]
    public void Finds_a_run_anywhere(string text, bool found) =>
        RegexRequiredRun.Of("[0-9]{8}", RegexOptions.None)!.MayOccurIn(text).ShouldBe(found);

    [Fact]
    public void Finds_a_run_of_exactly_the_length_at_every_offset()
    {
        var run = RegexRequiredRun.Of("[0-9]{8}", RegexOptions.None)!;
        for (var offset = 0; offset <= 24; offset++)
        {
            run.MayOccurIn(new string('x', offset) + "01234567" + new string('x', 24 - offset)).ShouldBeTrue($"offset {offset}");
            run.MayOccurIn(new string('x', offset) + "0123456" + new string('x', 24 - offset)).ShouldBeFalse($"offset {offset}");
            run.MayOccurIn(new string('x', offset) + "0123456x01234567").ShouldBeTrue($"offset {offset}, after a short run");
        }
    }

    [Fact]
    public void No_value_the_expression_matches_is_refused()
    {
        var cls = Gen.Elements("[a-f0-9]", "[0-9]", "[a-fA-F0-9]", "[-a-c]", "[ab]");
        var quantifier = Gen.Elements("{7}", "{7,13}", "{8}", "{8,}", "{9,12}", "{8}?", "{10}");
        var around = Gen.Elements("", @"\s", "x", "(b|c)", "a*");
        var pattern =
            from before in around
            from c in cls
            from q in quantifier
            from after in around
            select before + c + q + after;
        // Single characters and runs of 4-10 class members, so runs of every length around the bound occur.
        var text = Gen.ArrayOf(Gen.Elements("a", "b", "c", "f", "0", "9", " ", "A", "x", "-", "g", "é", "abab", "0f9a0f9", "ababababab", "-a-b-c", "09090"))
            .Select(parts => string.Concat(parts));
        var matched = 0;
        Prop.ForAll(pattern.ToArbitrary(), Gen.ListOf(text).ToArbitrary(), (p, texts) =>
        {
            var run = RegexRequiredRun.Of(p, RegexOptions.None);
            run.ShouldNotBeNull();
            foreach (var t in texts)
            {
                if (!Regex.IsMatch(t, p, RegexOptions.CultureInvariant))
                    continue;
                matched++;
                if (!run.MayOccurIn(t))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
        matched.ShouldBeGreaterThan(0);
    }
}
