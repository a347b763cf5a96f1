using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.ValueTests;

namespace Parry.Sigma.Tests.Matching.ValueTests;

/// <summary><c>startswith</c> and <c>endswith</c> tests of many literals look the value's first or last characters
/// up instead of comparing each literal; they must answer exactly as the comparison of every literal does.</summary>
public class AffixTestTests
{
    [Fact]
    public void Long_lists_answer_as_a_comparison_of_every_literal()
    {
        // Literals over a small alphabet share prefixes and suffixes and differ in length, so buckets hold several.
        var literal = Gen.Elements('a', 'b', '\\', '.').ArrayOf().Where(cs => cs.Length is > 0 and < 7).Select(cs => new string(cs));
        var text = Gen.Elements('a', 'b', '\\', '.', 'x').ArrayOf().Select(cs => new string(cs));
        Prop.ForAll(literal.ListOf().Where(l => l.Count >= AffixLookup.MinimumLiterals).ToArbitrary(), text.ListOf().ToArbitrary(), (literals, texts) =>
        {
            var ends = new EndsWithTest(literals, cased: true);
            var starts = new StartsWithTest(literals, cased: true);
            return texts.All(t =>
                ends.TestText(t) == literals.Any(l => t.EndsWith(l, StringComparison.Ordinal))
                && starts.TestText(t) == literals.Any(l => t.StartsWith(l, StringComparison.Ordinal)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Folded_lists_find_names_whatever_their_case_and_an_empty_literal_matches_every_value()
    {
        string[] names = [@"\atbroker.exe", @"\dwm.exe", @"\LsaIso.exe", @"\lsass.exe", @"\svchost.exe", @"\wsl.exe", @"\Taskmgr.exe"];
        var ends = new EndsWithTest(names, cased: false);
        ends.TestText(@"c:\windows\system32\lsaiso.exe").ShouldBeTrue();
        ends.TestText(@"c:\windows\system32\taskmgr.exe").ShouldBeTrue();
        ends.TestText(@"c:\windows\system32\dwm.exe").ShouldBeTrue();
        ends.TestText(@"c:\windows\system32\xdwm.exe").ShouldBeFalse();
        ends.TestText("wm.exe").ShouldBeFalse();
        var starts = new StartsWithTest([.. names.Select(n => n.TrimStart('\\')), ""], cased: false);
        starts.TestText("anything").ShouldBeTrue();
    }
}
