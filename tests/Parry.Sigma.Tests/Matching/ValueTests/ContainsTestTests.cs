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
}
