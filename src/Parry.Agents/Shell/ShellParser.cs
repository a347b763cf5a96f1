using System.Text;

namespace Parry.Agents.Shell;

/// <summary>
/// What the three shell parsers share: the cursor over the text, the word being read, and how a finished command
/// is handed over (kept when it says something and the budget allows; the next one linked to it through a pipe).
/// Each dialect decides what its words, quotes and operators are.
/// </summary>
internal abstract class ShellParser
{
    private protected readonly string _text;
    private protected readonly int _depth;
    private protected readonly ShellParseBudget _budget;
    private protected readonly List<ShellCommand> _output;
    private protected readonly StringBuilder _word = new();
    private protected int _position;
    private protected ShellCommand _current;
    private readonly ShellDialect _dialect;

    private protected ShellParser(string text, int depth, ShellParseBudget budget, List<ShellCommand> output, ShellDialect dialect)
    {
        _text = text;
        _depth = depth;
        _budget = budget;
        _output = output;
        _dialect = dialect;
        _current = new ShellCommand(dialect, depth, pipedIn: false);
    }

    /// <summary>The next word of the text, as the dialect reads it (a redirection's target).</summary>
    private protected abstract string ReadTarget();

    /// <summary>Text is left and the budget allows more commands.</summary>
    private protected bool HasMore => _position < _text.Length && _budget.RemainingCommands > 0;

    private protected char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private protected void SkipBlanks()
    {
        while (Peek(0) is ' ' or '\t')
            _position++;
    }

    /// <summary>Ends the current command, which <paramref name="next"/> follows, and starts the next one.</summary>
    private protected void StartNext(ShellOperator next)
    {
        if (!_current.IsEmpty)
        {
            _current.Next = next;
            if (_budget.TryTakeCommand())
                _output.Add(_current);
        }
        var source = _current;
        _current = new ShellCommand(_dialect, _depth, pipedIn: next == ShellOperator.Pipe);
        if (next == ShellOperator.Pipe && !source.IsEmpty)
            _current.PipeSource = source;
    }

    /// <summary>A Windows redirection at the cursor: <c>&gt;</c>, <c>&gt;&gt;</c> or <c>&lt;</c>, to a file or (with
    /// <c>&amp;N</c>) to another descriptor.</summary>
    private protected void ReadWindowsRedirect(int? descriptor)
    {
        var op = Peek(0) == '>' && Peek(1) == '>' ? ">>" : Peek(0).ToString();
        _position += op.Length;
        if (Peek(0) == '&' && char.IsAsciiDigit(Peek(1)))
        {
            _current.Redirects.Add(new ShellRedirect(op + "&", descriptor, Peek(1).ToString()));
            _position += 2;
            return;
        }
        SkipBlanks();
        _current.Redirects.Add(new ShellRedirect(op, descriptor, ReadTarget()));
    }
}
