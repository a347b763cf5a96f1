using System.Text.RegularExpressions;
using Parry.Core.Events;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Values;
using Parry.TestSupport;

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

    [Fact]
    public void A_value_without_the_literal_every_match_needs_is_refused_without_building_the_expression()
    {
        var test = new RegexTest(new SigmaRegex(@"\\Windows\\System32\\[a-zA-Z0-9]{8}\.tmp$", RegexOptions.None), TimeSpan.FromSeconds(1));
        var (table, field) = OneField();

        test.Test(ValueOf(@"C:\Users\me\notes.txt", table, field)).ShouldBeFalse();
        test.IsBuilt.ShouldBeFalse();

        test.Test(ValueOf(@"C:\Windows\System32\aB3dE6gH.tmp", table, field)).ShouldBeTrue();
        test.IsBuilt.ShouldBeTrue();
        test.Test(ValueOf(@"C:\WINDOWS\System32\aB3dE6gH.tmp", table, field)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(@"\\Windows\\System32\\[a-zA-Z0-9]{8}\.tmp$", RegexOptions.None)]
    [InlineData(@"(?i)\\Windows\\System32\\", RegexOptions.None)]
    [InlineData(@"\\windows\\system32\\", RegexOptions.IgnoreCase)]
    [InlineData(@"ab+c?d{0,2}e{2}f", RegexOptions.None)]
    [InlineData(@"(abc|xyz)kelvin", RegexOptions.IgnoreCase)]
    [InlineData(@"abc|xyz", RegexOptions.None)]
    [InlineData(@"[k]elvin\.exe", RegexOptions.IgnoreCase)]
    [InlineData(@"\s-[FTd]\s", RegexOptions.None)]
    [InlineData(@"://[0-9]{1,3}\.[0-9]{1,3}", RegexOptions.None)]
    [InlineData(@"a{,3}bc", RegexOptions.None)]
    [InlineData(@"https?://0[0-9]{3,11}", RegexOptions.None)]
    [InlineData(@"ab.*ba.*ab", RegexOptions.None)]
    [InlineData(@"\{.*\{.*\{", RegexOptions.None)]
    [InlineData(@"x\ny\tz", RegexOptions.IgnoreCase)]
    [InlineData(@"aba", RegexOptions.None)]
    [InlineData(@" [0-7]{7,13}", RegexOptions.None)]
    public void The_literal_check_never_changes_whether_a_value_matches(string pattern, RegexOptions options)
    {
        var test = new RegexTest(new SigmaRegex(pattern, options), TimeSpan.FromSeconds(1));
        var reference = new Regex(pattern, options | RegexOptions.CultureInvariant);
        var (table, field) = OneField();
        string[] values =
        [
            @"C:\Windows\System32\aB3dE6gH.tmp", @"c:\windows\system32\ab3de6gh.tmp", @"C:\WINDOWS\SYSTEM32\X",
            "abbbcdde" + "ef", "abde" + "ef", "acdeef", "XYZKELVIN", "xyz\u212Aelvin", "\u212Aelvin.exe", "Kelvin.exe",
            "cmd -F x", "cmd -f x", "http://10.1.2.3", "a{,3}bc", "aaabc", "abc", "", "xyz",
            // The runs in order, back to back or sharing characters, and one short or out of order.
            "http://01234", "HTTPS://0123", "http://0123", "x://0123 http", "abab", "ababab", "ab-ba-ab", "abaab", "ba ab ab",
            "{{{", "{{", "}{{", "x\ny\tz", "X\nY\tZ", "x\ny z", "aba", "ab a", " 0123456", " 01234567", " 012345", "x 7777777 ",
        ];
        foreach (var value in values)
            test.Test(ValueOf(value, table, field)).ShouldBe(reference.IsMatch(value), $"/{pattern}/ on '{value}'");
    }

    private static (FieldTable Table, int Field) OneField()
    {
        var fields = new FieldTableBuilder();
        var field = fields.Intern("v");
        return (fields.Build(), field);
    }

    private static EventValue ValueOf(string text, FieldTable table, int field)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["v"] = text });
        JsonEvents.FromJson(json, table).TryGetValue(field, out var value).ShouldBeTrue();
        return value;
    }
}
