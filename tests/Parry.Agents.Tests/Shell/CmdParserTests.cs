using Parry.Agents.Shell;
using static Parry.Agents.Tests.Shell.ShellTestParsing;

namespace Parry.Agents.Tests.Shell;

public class CmdParserTests
{
    [Fact]
    public void Operators_quotes_and_caret_escapes()
    {
        Words("@echo off & whoami /all && net user \"John Doe\" || echo fail^&more", ShellDialect.Cmd)
            .ShouldBe([["echo", "off"], ["whoami", "/all"], ["net", "user", "John Doe"], ["echo", "fail&more"]]);
    }

    [Fact]
    public void Redirections()
    {
        var command = Parse("ipconfig /all > C:\\temp\\net.txt 2>&1", ShellDialect.Cmd).Single();
        command.Words.ShouldBe(["ipconfig", "/all"]);
        command.Redirects.Select(r => r.Operator + r.Target).ShouldBe([">C:\\temp\\net.txt", ">&1"]);
    }

    [Fact]
    public void For_and_if_heads_are_dropped()
    {
        Parse("for /f \"tokens=*\" %a in ('dir /b') do type %a", ShellDialect.Cmd).Select(c => c.Words[0]).ShouldBe(["type"]);
        Parse("if exist C:\\x.txt del C:\\x.txt", ShellDialect.Cmd).Single().Words.ShouldBe(["del", "C:\\x.txt"]);
        Parse("if /i \"%USERNAME%\"==\"admin\" net user", ShellDialect.Cmd).Single().Words.ShouldBe(["net", "user"]);
        Parse("if %ERRORLEVEL% equ 0 whoami", ShellDialect.Cmd).Single().Words.ShouldBe(["whoami"]);
    }

    [Fact]
    public void Blocks_and_comments()
    {
        Parse("(whoami & hostname)\nrem note\n:: note\nver", ShellDialect.Cmd).Select(c => c.Words[0]).ShouldBe(["whoami", "hostname", "ver"]);
    }

    [Theory]
    [InlineData("echo \"open")]
    [InlineData("^")]
    [InlineData("((((")]
    [InlineData("if")]
    [InlineData("for /f do")]
    public void Broken_input_does_not_throw(string text) => Should.NotThrow(() => Parse(text, ShellDialect.Cmd));
}
