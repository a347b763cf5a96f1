namespace Parry.Agents.Shell;

/// <summary>
/// Splits a Windows cmd.exe line into commands: <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, parenthesised
/// blocks, <c>^</c> escapes, double quotes (removed, as the C runtime does for a program's arguments), redirections,
/// the <c>@</c> echo prefix, <c>rem</c> and <c>::</c> comments, and the heads of <c>for … do</c> and
/// <c>if … </c> so that the command they run is what remains. Never throws.
/// </summary>
internal sealed class CmdParser : ShellParser
{
    private static readonly HashSet<string> ComparisonOperators =
        new(StringComparer.OrdinalIgnoreCase) { "==", "equ", "neq", "lss", "leq", "gtr", "geq" };


    private CmdParser(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
        : base(text, depth, budget, output, ShellDialect.Cmd)
    {
    }

    public static void Parse(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
    {
        if (!budget.CanNest(depth))
            return;
        new CmdParser(text, depth, budget, output).Run();
    }

    private void Run()
    {
        while (HasMore)
        {
            var c = _text[_position];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    _position++;
                    break;
                case '\n':
                    _position++;
                    End(ShellOperator.Sequence);
                    break;
                case '@' when _current.Words.Count == 0:
                    _position++;
                    break;
                case '&' when Peek(1) == '&':
                    _position += 2;
                    End(ShellOperator.And);
                    break;
                case '&':
                    _position++;
                    End(ShellOperator.Sequence);
                    break;
                case '|' when Peek(1) == '|':
                    _position += 2;
                    End(ShellOperator.Or);
                    break;
                case '|':
                    _position++;
                    End(ShellOperator.Pipe);
                    break;
                case '(' or ')' when InForHead:
                    _position++; // the set of a for loop: part of its head
                    break;
                case '(' when _current.Words.Count == 0:
                    _position++;
                    break;
                case '(' when IsBlockHead():
                    _position++;
                    End(ShellOperator.Sequence);
                    break;
                case ')':
                    _position++;
                    End(ShellOperator.Sequence);
                    break;
                case '<' or '>':
                    ReadWindowsRedirect(null);
                    break;
                default:
                    if (char.IsAsciiDigit(c) && Peek(1) is '>' or '<')
                    {
                        _position++;
                        ReadWindowsRedirect(c - '0');
                        break;
                    }
                    var start = _position;
                    var word = ReadWord();
                    if (_position == start)
                        _position++;
                    else
                        AddWord(word);
                    break;
            }
        }
        if (_position < _text.Length)
            _budget.MarkTruncated();
        End(ShellOperator.None);
    }

    private bool InForHead => _current.Words.Count > 0 && _current.Words[0].Equals("for", StringComparison.OrdinalIgnoreCase);

    // "do (" and "else (" open a block whose commands are separate; "if … (" does too.
    private bool IsBlockHead()
    {
        var last = _current.Words[^1];
        return last.Equals("do", StringComparison.OrdinalIgnoreCase) || last.Equals("else", StringComparison.OrdinalIgnoreCase)
            || _current.Words[0].Equals("if", StringComparison.OrdinalIgnoreCase);
    }

    private void AddWord(string word)
    {
        if (_current.Words.Count == 0 && (word.Equals("rem", StringComparison.OrdinalIgnoreCase) || word.StartsWith("::", StringComparison.Ordinal)))
        {
            var end = _text.IndexOf('\n', _position);
            _position = end < 0 ? _text.Length : end;
            return;
        }
        // "for … do command": the command starts after "do".
        if (word.Equals("do", StringComparison.OrdinalIgnoreCase) && _current.Words.Count > 0
            && _current.Words[0].Equals("for", StringComparison.OrdinalIgnoreCase))
        {
            _current.Words.Clear();
            return;
        }
        _current.Words.Add(word);
        TrimIfHead();
    }

    // "if [/i] [not] condition command": once the condition is complete, drop it.
    private void TrimIfHead()
    {
        var words = _current.Words;
        if (!words[0].Equals("if", StringComparison.OrdinalIgnoreCase) && !words[0].Equals("else", StringComparison.OrdinalIgnoreCase))
            return;
        if (words[0].Equals("else", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
            return;
        }
        var i = 1;
        while (i < words.Count && (words[i].Equals("/i", StringComparison.OrdinalIgnoreCase) || words[i].Equals("not", StringComparison.OrdinalIgnoreCase)))
            i++;
        if (i >= words.Count)
            return;
        int conditionLength;
        if (words[i].Equals("exist", StringComparison.OrdinalIgnoreCase) || words[i].Equals("errorlevel", StringComparison.OrdinalIgnoreCase)
            || words[i].Equals("defined", StringComparison.OrdinalIgnoreCase) || words[i].Equals("cmdextversion", StringComparison.OrdinalIgnoreCase))
            conditionLength = 2;
        else if (words[i].Contains("==", StringComparison.Ordinal) && !words[i].EndsWith("==", StringComparison.Ordinal))
            conditionLength = 1;
        else if (i + 1 < words.Count && ComparisonOperators.Contains(words[i + 1]))
            conditionLength = 3;
        else if (words[i].EndsWith("==", StringComparison.Ordinal))
            conditionLength = 2;
        else
            return;
        if (words.Count > i + conditionLength)
            words.RemoveRange(0, i + conditionLength);
    }

    private void End(ShellOperator next)
    {
        if (InForHead)
            _current.Words.Clear(); // a for loop whose body is a block: the head runs nothing itself
        StartNext(next);
    }

    private protected override string ReadTarget() => ReadWord();

    private string ReadWord()
    {
        _word.Clear();
        var quoted = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (quoted)
            {
                if (c == '"')
                    quoted = false;
                else if (c == '\n')
                    return _word.ToString();
                else
                    _word.Append(c);
                _position++;
                continue;
            }
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n' or '&' or '|' or '<' or '>' or ')':
                    return _word.ToString();
                case '(' when _word.Length > 0 && _current.Words.Count > 0 && _current.Words[0].Equals("if", StringComparison.OrdinalIgnoreCase):
                    return _word.ToString();
                case '"':
                    quoted = true;
                    _position++;
                    break;
                case '^':
                    if (_position + 1 < _text.Length && _text[_position + 1] != '\n')
                        _word.Append(_text[_position + 1]);
                    _position += 2;
                    break;
                default:
                    _word.Append(c);
                    _position++;
                    break;
            }
        }
        return _word.ToString();
    }

}
