namespace Parry.Agents.Shell;

/// <summary>
/// Splits PowerShell into commands: statements (<c>;</c>, new lines), pipelines (<c>|</c>), chains
/// (<c>&amp;&amp;</c>, <c>||</c>), the call operator, quoting (<c>'…'</c> with <c>''</c>, <c>"…"</c> with backtick
/// escapes, here-strings), comments (<c>#</c>, <c>&lt;# … #&gt;</c>), redirections. Grouping <c>( … )</c>,
/// subexpressions <c>$( … )</c>, <c>@( … )</c> and script blocks <c>{ … }</c> are parsed recursively into commands of
/// their own; the word keeps the text as written, so <c>(New-Object Net.WebClient).DownloadString('…')</c> yields the
/// command <c>New-Object</c> and a word holding the URL. An assignment (<c>$x = …</c>) leaves the command after it.
/// Never throws.
/// </summary>
internal sealed class PowerShellParser : ShellParser
{
    private bool _callOperator;        // '&' or '.' before the command: its first word is a program even when quoted
    private bool _firstWordQuoted;     // a statement starting with a string is an expression, not a command

    private PowerShellParser(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
        : base(text, depth, budget, output, ShellDialect.PowerShell)
    {
    }

    public static void Parse(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
    {
        if (!budget.CanNest(depth))
            return;
        new PowerShellParser(text, depth, budget, output).Run();
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
                case '\n' or ';':
                    _position++;
                    End(ShellOperator.Sequence);
                    break;
                case '`' when Peek(1) is '\n' or '\r':
                    _position += 2;
                    break;
                case '<' when Peek(1) == '#':
                {
                    var end = _text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? _text.Length : end + 2;
                    break;
                }
                case '#':
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end;
                    break;
                }
                case '&' when Peek(1) == '&':
                    _position += 2;
                    End(ShellOperator.And);
                    break;
                case '&' when _current.Words.Count == 0:
                    _position++; // the call operator: the next word is the command
                    _callOperator = true;
                    break;
                case '&':
                    _position++;
                    End(ShellOperator.Background);
                    break;
                case '|' when Peek(1) == '|':
                    _position += 2;
                    End(ShellOperator.Or);
                    break;
                case '|':
                    _position++;
                    End(ShellOperator.Pipe);
                    break;
                case ')' or '}':
                    _position++;
                    break;
                case '>' or '<':
                    ReadWindowsRedirect(null);
                    break;
                case '*' when Peek(1) == '>':
                    _position++;
                    ReadWindowsRedirect(null);
                    break;
                case '.' when _current.Words.Count == 0 && Peek(1) is ' ' or '\t':
                    _position++; // dot-sourcing: the next word is the script
                    _callOperator = true;
                    break;
                default:
                    if (char.IsAsciiDigit(c) && Peek(1) == '>')
                    {
                        _position++;
                        ReadWindowsRedirect(c - '0');
                        break;
                    }
                    var start = _position;
                    var quotedStart = c is '\'' or '"' or '@';
                    var word = ReadWord();
                    if (_position == start)
                        _position++;
                    else
                        AddWord(word, quotedStart);
                    break;
            }
        }
        if (_position < _text.Length)
            _budget.MarkTruncated();
        End(ShellOperator.None);
    }

    private void AddWord(string word, bool quotedStart)
    {
        if (_current.Words.Count == 0)
            _firstWordQuoted = quotedStart && !_callOperator;
        // $x = command …: an assignment; what follows is the command.
        if (_current.Words.Count == 1 && word == "=" && _current.Words[0].StartsWith('$'))
        {
            _current.Assignments.Add(_current.Words[0]);
            _current.Words.Clear();
            return;
        }
        // $x=command or $x= command (no spaces around '=').
        if (_current.Words.Count == 0 && word.Length > 2 && word[0] == '$')
        {
            var equals = word.IndexOf('=');
            if (equals > 1 && (equals + 1 >= word.Length || word[equals + 1] != '=') && IsVariableName(word.AsSpan(1, equals - 1)))
            {
                _current.Assignments.Add(word[..(equals + 1)]);
                if (equals + 1 < word.Length)
                    _current.Words.Add(word[(equals + 1)..]);
                return;
            }
        }
        _current.Words.Add(word);
    }

    private static bool IsVariableName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or ':' or '{' or '}'))
                return false;
        }
        return true;
    }

    private void End(ShellOperator next)
    {
        if (_firstWordQuoted)
            _current.Words.Clear(); // 'text' | Out-File x: the string is a value, not a program
        _firstWordQuoted = false;
        _callOperator = false;
        StartNext(next);
    }

    private protected override string ReadTarget() => ReadWord();

    private string ReadWord()
    {
        _word.Clear();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n' or ';' or '|' or ')' or '}':
                    return _word.ToString();
                case '&' when _word.Length == 0 || Peek(1) == '&':
                    return _word.ToString();
                case '>' or '<' when _word.Length > 0:
                    return _word.ToString();
                case '\'':
                    ReadSingleQuoted();
                    break;
                case '"':
                    _position++;
                    ReadDoubleQuoted('"');
                    break;
                case '@' when Peek(1) is '\'' or '"' && Peek(2) is '\n' or '\r':
                    ReadHereString();
                    break;
                case '@' or '$' when Peek(1) == '(':
                    _word.Append(c);
                    _position++;
                    ReadGroup('(', ')');
                    break;
                case '@' when Peek(1) == '{':
                    _word.Append(c);
                    _position++;
                    ReadGroup('{', '}');
                    break;
                case '$' when Peek(1) == '{':
                {
                    var close = FindClosing(_position + 1, '{', '}');
                    var end = Math.Min(_text.Length, close + 1);
                    _word.Append(_text, _position, end - _position);
                    _position = end;
                    break;
                }
                case '(':
                    if (_word.Length > 0 && !IsMemberAccess())
                        return _word.ToString();
                    if (_word.Length > 0)
                        ReadRaw('(', ')'); // a method's arguments are expressions, not commands
                    else
                        ReadGroup('(', ')');
                    break;
                case '{':
                    ReadGroup('{', '}');
                    break;
                case '`':
                    if (_position + 1 < _text.Length)
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

    // A word like $wc.DownloadString or [Convert]::FromBase64String: a following '(' holds the method's arguments.
    private bool IsMemberAccess()
    {
        for (var i = _word.Length - 1; i >= 0; i--)
        {
            var ch = _word[i];
            if (ch is '.' or ':' or ']')
                return true;
            if (!(char.IsLetterOrDigit(ch) || ch is '_' or '-'))
                return false;
        }
        return _word.Length > 0 && _word[0] == '$';
    }

    // ( … ), $( … ), @( … ), { … }: the inner text is a script of its own; the word keeps it as written.
    private void ReadGroup(char opening, char closing)
    {
        var close = FindClosing(_position, opening, closing);
        var inner = _text.Substring(_position + 1, Math.Max(0, Math.Min(close, _text.Length) - _position - 1));
        Parse(inner, _depth + 1, _budget, _output);
        var end = Math.Min(_text.Length, close + 1);
        _word.Append(_text, _position, end - _position);
        _position = end;
    }

    private void ReadRaw(char opening, char closing)
    {
        var close = FindClosing(_position, opening, closing);
        var end = Math.Min(_text.Length, close + 1);
        _word.Append(_text, _position, end - _position);
        _position = end;
    }

    private void ReadSingleQuoted()
    {
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c is '\'' or '\u2018' or '\u2019')
            {
                if (Peek(0) == '\'')
                {
                    _word.Append('\'');
                    _position++;
                    continue;
                }
                return;
            }
            _word.Append(c);
        }
    }

    // After the opening quote; consumes the closing one.
    private void ReadDoubleQuoted(char quote)
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                if (Peek(0) == quote)
                {
                    _word.Append(quote);
                    _position++;
                    continue;
                }
                return;
            }
            if (c == '`' && _position + 1 < _text.Length)
            {
                _word.Append(Escape(_text[_position + 1]));
                _position += 2;
                continue;
            }
            if (c == '$' && Peek(1) == '(')
            {
                _word.Append('$');
                _position++;
                ReadGroup('(', ')');
                continue;
            }
            _word.Append(c);
            _position++;
        }
    }

    private void ReadHereString()
    {
        var quote = _text[_position + 1];
        var terminator = "\n" + quote + "@";
        var bodyStart = _text.IndexOf('\n', _position) + 1;
        var end = _text.IndexOf(terminator, bodyStart - 1, StringComparison.Ordinal);
        if (end < 0)
        {
            _word.Append(_text, bodyStart, _text.Length - bodyStart);
            _position = _text.Length;
            return;
        }
        var bodyEnd = end > bodyStart && _text[end - 1] == '\r' ? end - 1 : end;
        _word.Append(_text, bodyStart, Math.Max(0, bodyEnd - bodyStart));
        _position = end + terminator.Length;
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'f' => '\f',
        'v' => '\v',
        'e' => '\u001b',
        _ => c,
    };

    private int FindClosing(int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '`')
            {
                i++;
            }
            else if (c == '\'')
            {
                var end = _text.IndexOf('\'', i + 1);
                i = end < 0 ? _text.Length : end;
            }
            else if (c == '"')
            {
                i++;
                while (i < _text.Length && _text[i] != '"')
                    i += _text[i] == '`' ? 2 : 1;
            }
            else if (c == opening)
            {
                depth++;
            }
            else if (c == closing && --depth == 0)
            {
                return i;
            }
        }
        return _text.Length;
    }

}
