namespace Parry.Agents.Shell;

/// <summary>
/// One program run by a command line, after unwrapping: <c>sudo timeout 5 nmap -sV host</c> yields <c>sudo</c>,
/// <c>timeout</c> (both <see cref="RunsAnother"/>) and <c>nmap</c>; <c>bash -c '…'</c> and
/// <c>powershell -EncodedCommand …</c> yield the shell and then the programs of the inner script.
/// </summary>
public sealed class Invocation
{
    internal Invocation(string program, string rawProgram, IReadOnlyList<string> arguments, ShellCommand command, int depth, bool runsAnother)
    {
        Program = program;
        RawProgram = rawProgram;
        Arguments = arguments;
        Command = command;
        Depth = depth;
        RunsAnother = runsAnother;
    }

    /// <summary>The program's name for recognition: last path segment, lower-case, no <c>.exe</c>.</summary>
    public string Program { get; }

    /// <summary>The program as written.</summary>
    public string RawProgram { get; }

    /// <summary>Its arguments; for a wrapper, only those before the command it runs.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The command it is part of (its redirections and pipe).</summary>
    public ShellCommand Command { get; }

    public int Depth { get; }

    /// <summary>A wrapper (sudo, env, timeout, bash -c, xargs …) that runs another command.</summary>
    public bool RunsAnother { get; }

    /// <summary>The program whose output this one reads (the final program of the previous command in a pipeline).</summary>
    public Invocation? PipeSource { get; internal set; }

    /// <summary>The program that reads this one's output.</summary>
    public Invocation? PipeTarget { get; internal set; }

    /// <summary>The arguments joined by single spaces, lower-cased: what catalogue argument conditions search.</summary>
    internal string FoldedArguments => _foldedArguments ??= string.Join(' ', Arguments).ToLowerInvariant();

    private string? _foldedArguments;

    public override string ToString() => Arguments.Count == 0 ? RawProgram : RawProgram + " " + string.Join(' ', Arguments);
}
