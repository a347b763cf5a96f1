namespace Parry.Agents.Shell;

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
