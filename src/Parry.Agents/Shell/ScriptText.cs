namespace Parry.Agents.Shell;

/// <summary>A script text that was parsed: the line itself, or one found inside it (a <c>bash -c</c> string, a decoded
/// PowerShell command, an <c>ssh host 'command'</c>).</summary>
public readonly record struct ScriptText(ShellDialect Dialect, string Text, int Depth);
