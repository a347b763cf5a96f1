using System.Text;

namespace Parry.Agents.Shell;

/// <summary>
/// Splits a POSIX shell script (bash, sh, zsh) into simple commands the way the shell does: quotes (<c>'…'</c>,
/// <c>"…"</c>, <c>$'…'</c>), backslash escapes and line continuations, the operators <c>| || &amp;&amp; ; &amp;</c>,
/// subshells, redirections with here-documents, assignments before a command, and the reserved words of compound
/// commands. Command substitutions (<c>$(…)</c>, backticks) and process substitutions (<c>&lt;(…)</c>) are parsed
/// recursively into commands of their own. Never throws: unterminated quotes run to the end of the text.
/// </summary>
internal sealed class PosixShellParser : ShellParser
{
    private static readonly HashSet<string> SkippedReservedWords =
        new(StringComparer.Ordinal) { "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "esac" };

    private readonly List<(string Delimiter, bool StripTabs, ShellCommand Command, int Index)> _pendingHereDocuments = [];
    private bool _skipRestOfCommand;
    private int _caseDepth;
    private bool _caseHead;     // between "case" and "in"
    private bool _casePattern;  // reading a pattern list, up to its ')'

    private PosixShellParser(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
        : base(text, depth, budget, output, ShellDialect.Posix)
    {
    }

    /// <summary>Parses <paramref name="text"/> and appends its commands (nested ones included) to
    /// <paramref name="output"/>.</summary>
    public static void Parse(string text, int depth, ShellParseBudget budget, List<ShellCommand> output)
    {
        if (!budget.CanNest(depth))
            return;
        new PosixShellParser(text, depth, budget, output).Run();
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
                case '\n' when !_casePattern:
                    _position++;
                    End(ShellOperator.Sequence);
                    ReadHereDocuments();
                    break;
                case '#':
                    SkipComment();
                    break;
                case '\\' when Peek(1) == '\n':
                    _position += 2;
                    break;
                case '\\' when Peek(1) == '\r' && Peek(2) == '\n':
                    _position += 3;
                    break;
                case '&' when Peek(1) == '&':
                    _position += 2;
                    End(ShellOperator.And);
                    break;
                case '&' when Peek(1) == '>':
                    ReadRedirect(null);
                    break;
                case '&':
                    _position++;
                    End(ShellOperator.Background);
                    break;
                case '|' when Peek(1) == '|':
                    _position += 2;
                    End(ShellOperator.Or);
                    break;
                case '|' when _casePattern:
                    _position++;
                    break;
                case '|':
                    _position += Peek(1) == '&' ? 2 : 1;
                    End(ShellOperator.Pipe);
                    break;
                case ';':
                    var caseEnd = Peek(1) == ';' || (Peek(1) == '&' && _caseDepth > 0);
                    _position++;
                    while (Peek(0) is ';' or '&')
                        _position++;
                    End(ShellOperator.Sequence);
                    if (caseEnd && _caseDepth > 0)
                        _casePattern = true;
                    break;
                case '\n' when _casePattern:
                    _position++;
                    break;
                case '(' when _casePattern:
                    _position++;
                    break;
                case '(':
                    OpenParenthesis();
                    break;
                case ')':
                    _position++;
                    if (_casePattern)
                        _casePattern = false;
                    else
                        End(ShellOperator.Sequence);
                    break;
                case '<' or '>' when Peek(1) == '(':
                    AddWord(ReadWord());
                    break;
                case '<' or '>':
                    ReadRedirect(null);
                    break;
                default:
                    if (char.IsAsciiDigit(c) && TryReadDescriptorRedirect())
                        break;
                    var start = _position;
                    var word = ReadWord();
                    if (_position == start)
                        _position++; // a character no rule consumed: never loop on it
                    else
                        AddWord(word);
                    break;
            }
        }
        if (_position < _text.Length)
            _budget.MarkTruncated();
        End(ShellOperator.None);
        ReadHereDocuments();
    }

    private void OpenParenthesis()
    {
        _position++;
        if (Peek(0) == '(')
        {
            // (( arithmetic )): nothing runs.
            _position = FindClosing(_position - 1, '(', ')');
            _position = Math.Min(_text.Length, _position + 1);
            return;
        }
        if (_current.Words.Count == 1 && NextNonBlank() == ')')
        {
            // name() { …; }: a function definition, the name runs nothing.
            _current.Words.Clear();
            _position = _text.IndexOf(')', _position) + 1;
            return;
        }
        End(ShellOperator.Sequence);
    }

    private bool TryReadDescriptorRedirect()
    {
        var end = _position;
        while (end < _text.Length && char.IsAsciiDigit(_text[end]))
            end++;
        if (end >= _text.Length || _text[end] is not ('<' or '>') || end - _position > 4)
            return false;
        if (end + 1 < _text.Length && _text[end + 1] == '(')
            return false;
        var descriptor = int.Parse(_text.AsSpan(_position, end - _position), System.Globalization.CultureInfo.InvariantCulture);
        _position = end;
        ReadRedirect(descriptor);
        return true;
    }

    private void ReadRedirect(int? descriptor)
    {
        string op;
        if (Matches("&>>")) op = "&>>";
        else if (Matches("&>")) op = "&>";
        else if (Matches("<<<")) op = "<<<";
        else if (Matches("<<-")) op = "<<-";
        else if (Matches("<<")) op = "<<";
        else if (Matches("<>")) op = "<>";
        else if (Matches("<&")) op = "<&";
        else if (Matches(">>")) op = ">>";
        else if (Matches(">|")) op = ">|";
        else if (Matches(">&")) op = ">&";
        else op = _text[_position].ToString();
        _position += op.Length;
        SkipBlanks();
        var target = ReadTarget();
        if (op is "<<" or "<<-")
        {
            var redirect = new ShellRedirect(op, descriptor, target);
            _current.Redirects.Add(redirect);
            _pendingHereDocuments.Add((target, op == "<<-", _current, _current.Redirects.Count - 1));
            return;
        }
        _current.Redirects.Add(new ShellRedirect(op, descriptor, target));
    }

    private void ReadHereDocuments()
    {
        foreach (var (delimiter, stripTabs, command, index) in _pendingHereDocuments)
        {
            var body = new StringBuilder();
            while (_position < _text.Length)
            {
                var end = _text.IndexOf('\n', _position);
                var line = end < 0 ? _text.AsSpan(_position) : _text.AsSpan(_position, end - _position);
                _position = end < 0 ? _text.Length : end + 1;
                var compared = line.TrimEnd('\r');
                if (stripTabs)
                    compared = compared.TrimStart('\t');
                if (compared.SequenceEqual(delimiter))
                    break;
                body.Append(line).Append('\n');
            }
            command.Redirects[index] = command.Redirects[index] with { HereDocument = body.ToString() };
        }
        _pendingHereDocuments.Clear();
    }

    private void AddWord(Word word)
    {
        var text = word.Text;
        if (_caseHead)
        {
            if (text == "in" && !word.Quoted)
            {
                _caseHead = false;
                _casePattern = true;
            }
            return;
        }
        if (_casePattern)
        {
            if (text == "esac" && !word.Quoted)
            {
                _casePattern = false;
                _caseDepth--;
            }
            return;
        }
        if (_skipRestOfCommand)
            return;
        if (_current.Words.Count == 0 && !word.Quoted)
        {
            if (SkippedReservedWords.Contains(text))
            {
                if (text == "esac" && _caseDepth > 0)
                    _caseDepth--;
                return;
            }
            switch (text)
            {
                case "for" or "select" or "function":
                    _skipRestOfCommand = true;
                    return;
                case "case":
                    _caseDepth++;
                    _caseHead = true;
                    return;
            }
            if (_current.Words.Count == 0 && IsAssignment(text))
            {
                _current.Assignments.Add(text);
                return;
            }
        }
        _current.Words.Add(text);
    }

    private void End(ShellOperator next)
    {
        _skipRestOfCommand = false;
        StartNext(next);
    }

    private readonly record struct Word(string Text, bool Quoted);

    private protected override string ReadTarget() => ReadWord().Text;

    private Word ReadWord()
    {
        _word.Clear();
        var quoted = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or ')':
                    return new Word(_word.ToString(), quoted);
                case '(':
                    if (_word.Length > 0 && _word[^1] == '=')
                    {
                        // name=(a b c): an array assignment, one word.
                        var close = FindClosing(_position, '(', ')');
                        _word.Append(_text, _position, close - _position + (close < _text.Length ? 1 : 0));
                        _position = Math.Min(_text.Length, close + 1);
                        break;
                    }
                    return new Word(_word.ToString(), quoted);
                case '<' or '>':
                    if (Peek(1) == '(')
                    {
                        ReadSubstitution(_position + 1);
                        break;
                    }
                    return new Word(_word.ToString(), quoted);
                case '\'':
                    quoted = true;
                    ReadSingleQuoted();
                    break;
                case '"':
                    quoted = true;
                    _position++;
                    ReadDoubleQuoted();
                    break;
                case '\\':
                    if (Peek(1) == '\n')
                    {
                        _position += 2;
                    }
                    else if (_position + 1 < _text.Length)
                    {
                        _word.Append(_text[_position + 1]);
                        _position += 2;
                        quoted = true; // \{ or a\=b is a plain word, not a reserved word or an assignment
                    }
                    else
                    {
                        _position++;
                    }
                    break;
                case '$':
                    quoted |= Peek(1) is '\'' or '"';
                    ReadDollar();
                    break;
                case '`':
                    ReadBackticks();
                    break;
                default:
                    _word.Append(c);
                    _position++;
                    break;
            }
        }
        return new Word(_word.ToString(), quoted);
    }

    private void ReadSingleQuoted()
    {
        var end = _text.IndexOf('\'', _position + 1);
        if (end < 0)
        {
            _word.Append(_text, _position + 1, _text.Length - _position - 1);
            _position = _text.Length;
            return;
        }
        _word.Append(_text, _position + 1, end - _position - 1);
        _position = end + 1;
    }

    // After the opening quote; consumes the closing one.
    private void ReadDoubleQuoted()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            switch (c)
            {
                case '"':
                    _position++;
                    return;
                case '\\':
                    var next = Peek(1);
                    if (next is '$' or '`' or '"' or '\\')
                    {
                        _word.Append(next);
                        _position += 2;
                    }
                    else if (next == '\n')
                    {
                        _position += 2;
                    }
                    else
                    {
                        _word.Append('\\');
                        _position++;
                    }
                    break;
                case '$' when Peek(1) is '(' or '{':
                    ReadDollar();
                    break;
                case '`':
                    ReadBackticks();
                    break;
                default:
                    _word.Append(c);
                    _position++;
                    break;
            }
        }
    }

    private void ReadDollar()
    {
        var next = Peek(1);
        switch (next)
        {
            case '\'':
                _position += 2;
                ReadAnsiC();
                break;
            case '"':
                _position += 2;
                ReadDoubleQuoted();
                break;
            case '(' when Peek(2) == '(':
            {
                var close = FindClosing(_position + 1, '(', ')');
                var end = Math.Min(_text.Length, close + 1);
                _word.Append(_text, _position, end - _position);
                _position = end;
                break;
            }
            case '(':
                ReadSubstitution(_position + 1);
                break;
            case '{':
            {
                var close = FindClosing(_position + 1, '{', '}');
                var end = Math.Min(_text.Length, close + 1);
                _word.Append(_text, _position, end - _position);
                _position = end;
                break;
            }
            default:
                _word.Append('$');
                _position++;
                break;
        }
    }

    // A $( … ), <( … ) or >( … ) whose '(' is at open: the inner script is parsed as commands of its own and the
    // word keeps the text as written.
    private void ReadSubstitution(int open)
    {
        var close = FindClosing(open, '(', ')');
        var inner = _text.Substring(open + 1, Math.Max(0, Math.Min(close, _text.Length) - open - 1));
        Parse(inner, _depth + 1, _budget, _output);
        var end = Math.Min(_text.Length, close + 1);
        _word.Append(_text, _position, end - _position);
        _position = end;
    }

    private void ReadBackticks()
    {
        var inner = new StringBuilder();
        var i = _position + 1;
        for (; i < _text.Length && _text[i] != '`'; i++)
        {
            if (_text[i] == '\\' && i + 1 < _text.Length && _text[i + 1] is '`' or '\\' or '$')
                i++;
            inner.Append(_text[i]);
        }
        Parse(inner.ToString(), _depth + 1, _budget, _output);
        var end = Math.Min(_text.Length, i + 1);
        _word.Append(_text, _position, end - _position);
        _position = end;
    }

    // $'…' with C escapes; _position is just after the opening quote.
    private void ReadAnsiC()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\'')
                return;
            if (c != '\\' || _position >= _text.Length)
            {
                _word.Append(c);
                continue;
            }
            var e = _text[_position++];
            switch (e)
            {
                case 'n': _word.Append('\n'); break;
                case 't': _word.Append('\t'); break;
                case 'r': _word.Append('\r'); break;
                case 'a': _word.Append('\a'); break;
                case 'b': _word.Append('\b'); break;
                case 'e' or 'E': _word.Append('\u001b'); break;
                case 'f': _word.Append('\f'); break;
                case 'v': _word.Append('\v'); break;
                case 'x': AppendCode(16, 2); break;
                case 'u': AppendCode(16, 4); break;
                case 'U': AppendCode(16, 8); break;
                case >= '0' and <= '7':
                    _position--;
                    AppendCode(8, 3);
                    break;
                default: _word.Append(e); break;
            }
        }
    }

    private void AppendCode(int radix, int maxDigits)
    {
        var value = 0;
        var digits = 0;
        while (digits < maxDigits && _position < _text.Length)
        {
            var digit = HexValue(_text[_position]);
            if (digit < 0 || digit >= radix)
                break;
            value = value * radix + digit;
            _position++;
            digits++;
        }
        if (digits == 0)
            return;
        if (value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF)
            _word.Append(char.ConvertFromUtf32(value));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>, skipping quoted text and
    /// nested pairs; the text's length when it never closes.</summary>
    private int FindClosing(int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '\'' && opening != '{')
            {
                var end = _text.IndexOf('\'', i + 1);
                i = end < 0 ? _text.Length : end;
            }
            else if (c == '"')
            {
                i++;
                while (i < _text.Length && _text[i] != '"')
                    i += _text[i] == '\\' ? 2 : 1;
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

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _position);
        _position = end < 0 ? _text.Length : end;
    }

    private char NextNonBlank()
    {
        var i = _position;
        while (i < _text.Length && _text[i] is ' ' or '\t')
            i++;
        return i < _text.Length ? _text[i] : '\0';
    }


    private bool Matches(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0)
            return false;
        var name = word.AsSpan(0, equals);
        if (name[^1] == '+')
            name = name[..^1];
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
            return false;
        foreach (var ch in name)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                return false;
        }
        return true;
    }
}
