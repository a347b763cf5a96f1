using Parry.Gateway.Policy;

namespace Parry.Gateway.Tests.Policy;

public class GlobTests
{
    [Theory]
    [InlineData("shell_*", "shell_exec", true)]
    [InlineData("shell_*", "Shell_EXEC", true)]
    [InlineData("shell_*", "myshell_exec", false)]
    [InlineData("*", "", true)]
    [InlineData("*sql*", "run_sql_query", true)]
    [InlineData("get_?", "get_x", true)]
    [InlineData("get_?", "get_xy", false)]
    [InlineData("a*b*c", "aXXbYYbZZc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    public void Matches_like_a_shell(string pattern, string name, bool match) => new Glob(pattern).IsMatch(name).ShouldBe(match);
}
