namespace Parry.Agents.Shell;

/// <summary>A script text that was parsed: the line itself, or one found inside it (a <c>bash -c</c> string, a decoded
/// PowerShell command, an <c>ssh host 'command'</c>).</summary>
public readonly record struct ScriptText(ShellDialect Dialect, string Text, int Depth);

/// <summary>Code handed to an interpreter on its command line (<c>python -c</c>, <c>perl -e</c>) or in a
/// here-document.</summary>
public readonly record struct CodeText(string Language, string Text, int Depth);

/// <summary>A behaviour the expansion itself recognised while unwrapping (an encoded PowerShell command, base64 text
/// decoded into a shell), with the text that shows it.</summary>
public readonly record struct BehaviourNote(string Id, string Evidence);

/// <summary>Everything one command line expands into: every program it runs (wrappers and nested scripts included),
/// the script texts parsed, code handed to interpreters, and behaviours noticed on the way.</summary>
public sealed class CommandExpansion
{
    public List<Invocation> Invocations { get; } = [];

    public List<ScriptText> Scripts { get; } = [];

    public List<CodeText> Code { get; } = [];

    public List<BehaviourNote> Behaviours { get; } = [];

    /// <summary>A bound (nesting depth, number of commands) was hit; part of the input was not analysed.</summary>
    public bool Truncated { get; internal set; }
}
