using System.Text;

namespace Parry.Agents.Shell;

/// <summary>
/// Parses a command line and unwraps every command into the programs it runs: wrappers (<c>sudo</c>, <c>env</c>,
/// <c>timeout</c>, <c>nohup</c>, <c>xargs</c>, <c>find -exec</c> …), shells given a script (<c>bash -c</c>,
/// <c>cmd /c</c>, <c>powershell -Command</c> and <c>-EncodedCommand</c>, which it decodes, <c>eval</c>,
/// <c>ssh host 'command'</c>), interpreters given a script file or code (<c>python x.py</c>, <c>python -c</c>,
/// <c>perl -e</c>), and base64 text decoded straight into a shell. Nested scripts are parsed recursively within the
/// <see cref="ShellParseBudget"/>. One expander per analysis; not thread-safe.
/// </summary>
public sealed class CommandExpander
{
    private const int MaxScriptChars = 64 * 1024;

    private readonly ShellParseBudget _budget;
    private readonly Dictionary<ShellCommand, Invocation> _finalOf = new(ReferenceEqualityComparer.Instance);

    public CommandExpander() : this(new ShellParseBudget())
    {
    }

    internal CommandExpander(ShellParseBudget budget) => _budget = budget;

    public CommandExpansion Result { get; } = new();

    /// <summary>Expands one command line into <see cref="Result"/>.</summary>
    public static CommandExpansion Expand(string text, ShellDialect dialect)
    {
        var expander = new CommandExpander();
        expander.Add(text, dialect, 0);
        return expander.Result;
    }

    /// <summary>Parses <paramref name="text"/> at nesting <paramref name="depth"/> and adds what it runs.</summary>
    public void Add(string text, ShellDialect dialect, int depth)
    {
        if (string.IsNullOrWhiteSpace(text) || !_budget.CanNest(depth))
        {
            Result.Truncated |= _budget.Truncated;
            return;
        }
        if (text.Length > MaxScriptChars)
        {
            text = text[..MaxScriptChars];
            Result.Truncated = true;
        }
        Result.Scripts.Add(new ScriptText(dialect, text.Trim(), depth));
        var commands = new List<ShellCommand>();
        switch (dialect)
        {
            case ShellDialect.PowerShell:
                PowerShellParser.Parse(text, depth, _budget, commands);
                break;
            case ShellDialect.Cmd:
                CmdParser.Parse(text, depth, _budget, commands);
                break;
            default:
                PosixShellParser.Parse(text, depth, _budget, commands);
                break;
        }
        foreach (var command in commands)
            Unwrap(command);
        foreach (var command in commands)
            LinkPipe(command);
        foreach (var command in commands)
            DecodeIntoShell(command);
        Result.Truncated |= _budget.Truncated;
    }

    private void Unwrap(ShellCommand command)
    {
        var words = command.Words;
        var start = 0;
        string? programOverride = null;
        for (var layer = 0; start < words.Count && layer < 16; layer++)
        {
            var raw = words[start];
            // A variable, an expression or a string literal in PowerShell is not a program.
            if (raw.Length == 0 || raw[0] is '$' or '(' or '@' or '{' or '[' || (command.Dialect == ShellDialect.PowerShell && raw.Contains("://", StringComparison.Ordinal)))
                break;
            var program = programOverride ?? ProgramName.Normalise(raw);
            programOverride = null;
            if (program.Length == 0)
                break;
            // The wrapper comes before what it runs, though a script it runs is expanded while it is read.
            var position = Result.Invocations.Count;
            var next = Wrappers.Next(this, program, command, start);
            var end = next.Index > start && next.Index <= words.Count ? next.Index : words.Count;
            var arguments = words.GetRange(start + 1, end - start - 1);
            var invocation = new Invocation(program, raw, arguments, command, command.Depth, next.RunsAnother || next.Index > start);
            Result.Invocations.Insert(position, invocation);
            _finalOf[command] = invocation;
            if (next.Index <= start || next.Index >= words.Count)
                break;
            start = next.Index;
            programOverride = next.ProgramOverride;
        }
    }

    private void LinkPipe(ShellCommand command)
    {
        if (command.PipeSource is null || !_finalOf.TryGetValue(command, out var target)
            || !_finalOf.TryGetValue(command.PipeSource, out var source))
            return;
        target.PipeSource = source;
        source.PipeTarget = target;
    }

    // echo <base64> | base64 -d | sh: decode the text and analyse what the shell is given.
    private void DecodeIntoShell(ShellCommand command)
    {
        if (!_finalOf.TryGetValue(command, out var shell) || !ProgramName.IsCommandInterpreter(shell.Program)
            || shell.PipeSource is not { } decoder)
            return;
        var base64 = decoder.Program is "base64" or "basenc" || (decoder.Program == "openssl" && decoder.Arguments.Contains("base64"));
        var hex = decoder.Program == "xxd";
        if (!(base64 && decoder.Arguments.Any(a => a is "-d" or "--decode" or "-D" or "-di" or "-id"))
            && !(hex && decoder.Arguments.Any(a => a.StartsWith("-r", StringComparison.Ordinal))))
            return;
        var literal = decoder.Command.Redirects.FirstOrDefault(r => r.Operator == "<<<")?.Target;
        if (literal is null && decoder.PipeSource is { Program: "echo" or "printf" } echo && echo.Arguments.Count > 0)
            literal = echo.Arguments[^1];
        if (literal is null)
            return;
        var decoded = base64 ? TextDecoding.FromBase64(literal) : TextDecoding.FromHex(literal);
        if (decoded is null)
            return;
        Result.Behaviours.Add(new BehaviourNote("decoded-pipe-to-shell", decoded));
        Add(decoded, ShellDialect.Posix, command.Depth + 1);
    }

    internal void AddCode(string language, string code, int depth) => Result.Code.Add(new CodeText(language, code, depth));

    internal void Note(string behaviour, string evidence) => Result.Behaviours.Add(new BehaviourNote(behaviour, evidence));

    internal static string Join(List<string> words, int from)
    {
        var text = new StringBuilder();
        for (var i = from; i < words.Count; i++)
        {
            if (i > from)
                text.Append(' ');
            text.Append(words[i]);
        }
        return text.ToString();
    }
}
