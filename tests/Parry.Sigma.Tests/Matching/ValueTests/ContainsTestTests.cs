using Parry.Sigma.Matching.ValueTests;

namespace Parry.Sigma.Tests.Matching.ValueTests;

/// <summary>A <c>contains</c> test of several literals builds its multi-substring search on first use; every
/// thread that uses it first gets the same answers.</summary>
public class ContainsTestTests
{
    [Fact]
    public void Several_literals_are_searched_the_same_from_every_thread_that_uses_the_test_first()
    {
        var test = new ContainsTest(["mimikatz", "sekurlsa", "Invoke-"], cased: false);
        var found = new bool[16];
        var missed = new bool[16];
        Parallel.For(0, found.Length, i =>
        {
            found[i] = test.TestText("c:\\tools\\run.exe sekurlsa::logonpasswords");
            missed[i] = test.TestText("c:\\windows\\system32\\notepad.exe");
        });
        found.ShouldAllBe(f => f);
        missed.ShouldAllBe(m => !m);
        test.TestText("powershell invoke-expression").ShouldBeTrue();
    }

    [Theory]
    [InlineData("cmd /c echo\u00A0x", true)]
    [InlineData("cmd \u2215c dir", true)]
    [InlineData("\u2800", true)]
    [InlineData("cmd /c dir - x", false)]
    [InlineData("", false)]
    [InlineData("cmd \u2216c \u00A1", false)]
    public void Single_character_literals_are_found_anywhere_and_only_themselves(string text, bool found)
    {
        // Look-alike characters, as the Unicode-obfuscation rules list them (non-ASCII, one character each).
        var test = new ContainsTest(["\u02E3", "\u2215", "\u2015", "\u00A0", "\u00AF", "\u2800"], cased: false);
        test.TestText(text).ShouldBe(found);
        test.TestText(text).ShouldBe(new[] { "\u02E3", "\u2215", "\u2015", "\u00A0", "\u00AF", "\u2800" }.Any(l => text.Contains(l, StringComparison.Ordinal)));
    }
}
