namespace Parry.Agents.Shell;

/// <summary>What joins a command to the next one.</summary>
public enum ShellOperator : byte
{
    None,
    /// <summary><c>;</c> or a new line.</summary>
    Sequence,
    /// <summary><c>|</c> or <c>|&amp;</c>: the next command reads this one's output.</summary>
    Pipe,
    And,
    Or,
    /// <summary><c>&amp;</c>: run in the background.</summary>
    Background,
}
