namespace Parry.Agents.Shell;

/// <summary>The command language a line is written in.</summary>
public enum ShellDialect : byte
{
    /// <summary>bash, sh, zsh, dash: POSIX quoting and operators.</summary>
    Posix,
    PowerShell,
    /// <summary>Windows cmd.exe.</summary>
    Cmd,
}
