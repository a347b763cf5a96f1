using Parry.Agents.Shell;

namespace Parry.Agents.Tests.Shell;

/// <summary>Parses a line with the parser of a dialect, for tests.</summary>
internal static class ShellTestParsing
{
    public static List<ShellCommand> Parse(string text, ShellDialect dialect = ShellDialect.Posix)
    {
        var commands = new List<ShellCommand>();
        var budget = new ShellParseBudget();
        switch (dialect)
        {
            case ShellDialect.PowerShell:
                PowerShellParser.Parse(text, 0, budget, commands);
                break;
            case ShellDialect.Cmd:
                CmdParser.Parse(text, 0, budget, commands);
                break;
            default:
                PosixShellParser.Parse(text, 0, budget, commands);
                break;
        }
        return commands;
    }

    public static List<List<string>> Words(string text, ShellDialect dialect = ShellDialect.Posix) =>
        [.. Parse(text, dialect).Select(c => c.Words)];
}
