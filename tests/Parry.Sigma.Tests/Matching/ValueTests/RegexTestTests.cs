using System.Text.RegularExpressions;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Matching.ValueTests;

/// <summary>The runnable expression of a <c>re</c> test is built on first use: once, on the engine the pattern
/// allows, and the same one for every thread.</summary>
public class RegexTestTests
{
    [Fact]
    public void Builds_one_expression_however_many_threads_use_it_first()
    {
        var test = new RegexTest(new SigmaRegex("b+c", RegexOptions.None), TimeSpan.FromSeconds(1));
        var seen = new Regex[8];
        Parallel.For(0, seen.Length, i => seen[i] = test.Regex);
        seen.Distinct().Count().ShouldBe(1);
        test.Regex.ShouldBeSameAs(seen[0]);
        test.Regex.IsMatch("aaabbbcdd").ShouldBeTrue();
        test.Regex.IsMatch("aaadd").ShouldBeFalse();
    }

    [Fact]
    public void Uses_the_linear_engine_when_the_pattern_allows_and_the_timeout_otherwise()
    {
        var linear = new RegexTest(new SigmaRegex("b+c", RegexOptions.IgnoreCase), TimeSpan.FromSeconds(1));
        linear.Regex.Options.HasFlag(RegexOptions.NonBacktracking).ShouldBeTrue();
        linear.Regex.Options.HasFlag(RegexOptions.IgnoreCase).ShouldBeTrue();

        var backreference = new RegexTest(new SigmaRegex(@"(ab)\1", RegexOptions.None), TimeSpan.FromSeconds(1));
        backreference.Regex.Options.HasFlag(RegexOptions.NonBacktracking).ShouldBeFalse();
        backreference.Regex.MatchTimeout.ShouldBe(TimeSpan.FromSeconds(1));
        backreference.Regex.IsMatch("xxababyy").ShouldBeTrue();
    }
}
