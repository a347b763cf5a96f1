using System.Text;

namespace Parry.Agents.Shell;

/// <summary>
/// One simple command as the shell would run it: its words after quote removal (the program first), the variable
/// assignments before it, its redirections, and how it is joined to the next command. Commands inside command
/// substitutions, <c>bash -c</c> strings and other nested scripts come out as commands of their own with a greater
/// <see cref="Depth"/>.
/// </summary>
public sealed class ShellCommand
{
    internal ShellCommand(ShellDialect dialect, int depth, bool pipedIn)
    {
        Dialect = dialect;
        Depth = depth;
        PipedIn = pipedIn;
    }

    public ShellDialect Dialect { get; }

    /// <summary>0 for the line itself; one more for each level of nesting.</summary>
    public int Depth { get; }

    /// <summary>Reads the output of the previous command (it follows a pipe).</summary>
    public bool PipedIn { get; }

    public List<string> Words { get; } = [];

    public List<string> Assignments { get; } = [];

    public List<ShellRedirect> Redirects { get; } = [];

    public ShellOperator Next { get; internal set; }

    /// <summary>The command whose output this one reads, when it follows a pipe.</summary>
    public ShellCommand? PipeSource { get; internal set; }

    internal bool IsEmpty => Words.Count == 0 && Assignments.Count == 0 && Redirects.Count == 0;

    private string? _text;

    /// <summary>The command written back as one line, words quoted where needed (built once: recognisers use it as
    /// evidence after parsing is done).</summary>
    public override string ToString() => _text ??= Write();

    private string Write()
    {
        var text = new StringBuilder();
        foreach (var assignment in Assignments)
            Append(text, assignment);
        foreach (var word in Words)
            Append(text, word);
        foreach (var redirect in Redirects)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(redirect.Descriptor).Append(redirect.Operator).Append(redirect.Target);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string word)
    {
        if (text.Length > 0)
            text.Append(' ');
        if (word.Length > 0 && word.AsSpan().IndexOfAny(" \t\n'\"") < 0)
            text.Append(word);
        else
            text.Append('\'').Append(word.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
    }
}
