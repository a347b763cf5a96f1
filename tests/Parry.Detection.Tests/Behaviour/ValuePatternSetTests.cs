using FsCheck;
using FsCheck.Fluent;
using Parry.Detection.Behaviour;

namespace Parry.Detection.Tests.Behaviour;

public class ValuePatternSetTests
{
    private static readonly string[] FollowUp = ["*.css", "*.js", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.ico", "*.svg", "*.woff", "*.woff2", "*.map"];

    [Theory]
    [InlineData("/static/site.css", true)]
    [InlineData("/app.js", true)]
    [InlineData("/font.woff2", true)]
    [InlineData("/index.php", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    [InlineData("/map", false)]
    public void Suffixes_match_only_at_the_end(string value, bool expected) =>
        new ValuePatternSet(FollowUp).Matches(value).ShouldBe(expected);

    [Theory]
    [InlineData("404", true)]
    [InlineData("503", true)]
    [InlineData("200", false)]
    [InlineData("", false)]
    public void Prefixes_match_only_at_the_start(string value, bool expected) =>
        new ValuePatternSet(["4*", "5*"]).Matches(value).ShouldBe(expected);

    [Fact]
    public void The_set_answers_as_its_patterns_tested_one_by_one()
    {
        // Short patterns over a small alphabet, with wildcards anywhere, so exact, prefix, suffix, contained, empty
        // and lone-star patterns all occur and often match.
        var text = Gen.ListOf(Gen.Elements('a', 'b', 'é', '.', '*')).Select(cs => new string([.. cs.Take(5)]));
        Prop.ForAll(Gen.ListOf(text).ToArbitrary(), Gen.ListOf(text).ToArbitrary(), (patterns, values) =>
        {
            var set = new ValuePatternSet(patterns);
            var single = patterns.Select(p => new ValuePattern(p)).ToArray();
            foreach (var value in values.Append("").Select(v => v.Replace("*", "", StringComparison.Ordinal)))
                set.Matches(value).ShouldBe(single.Any(p => p.Matches(value)), $"'{value}' against [{string.Join(", ", patterns)}]");
        }).QuickCheckThrowOnFailure();
    }
}
