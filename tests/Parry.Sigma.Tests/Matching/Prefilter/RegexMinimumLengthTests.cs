using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class RegexMinimumLengthTests
{
    [Theory]
    [InlineData(@"\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}", 82)]
    [InlineData(@"\\[a-zA-Z0-9]{1,32}\.[a-zA-Z0-9]{1,6}\.[ ""']{1}", 6)]
    [InlineData(@"^cmd\.exe$", 7)]
    [InlineData(@"\bfoo\b", 3)]
    [InlineData(@"(abc){3}x", 1)]
    [InlineData(@"a*b+c?d{2,}", 3)]
    [InlineData(@"(a)\1", 0)]
    [InlineData(@"\p{L}\x41\u0041", 3)]
    [InlineData("ab{cd", 5)]
    [InlineData("a|bcd", 0)]
    [InlineData("(?x) a b c", 0)]
    [InlineData("(?ix)a b c", 0)]
    [InlineData("[a-z-[aeiou]]", 1)]
    [InlineData("", 0)]
    public void Bounds_the_length_of_every_match(string pattern, int minimum) => RegexMinimumLength.Of(pattern).ShouldBe(minimum);

    [Fact]
    public void No_generated_match_is_shorter_than_the_bound()
    {
        var checkedPairs = 0;
        var generated = 0;
        Prop.ForAll(RegexLiteralsTests.Generate(3).ToArbitrary(), pair =>
        {
            var (pattern, sample) = pair;
            generated++;
            if (!Regex.IsMatch(sample, "^(?:" + pattern + ")$", RegexOptions.Singleline | RegexOptions.NonBacktracking))
                return true;
            checkedPairs++;
            return sample.Length >= RegexMinimumLength.Of(pattern);
        }).QuickCheckThrowOnFailure();
        checkedPairs.ShouldBeGreaterThan(generated / 2);
    }
}
