using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parry.Sigma.Loading;

/// <summary>
/// Reads the plain block-style YAML nearly every Sigma rule is written in — block mappings and sequences (a mapping
/// may start after a <c>- </c>), one-line plain, single-quoted and escape-free double-quoted scalars, simple literal
/// and folded block scalars, comments, documents separated by <c>---</c> — into
/// exactly the parsing events, marks included, that YamlDotNet's parser produces for it, and gives up (null) on
/// anything else: then YamlDotNet reads the file as before, with its own errors. YamlDotNet's scanner reads a rule
/// file character by character through a look-ahead buffer and allocates tokens, marks and builders on the way; it
/// was most of the CPU time of loading all SigmaHQ rules (~0.25 of ~0.5 CPU-s). What it reads goes to a
/// <see cref="BlockYamlTarget"/>: loading builds Parry's node tree from it directly (<see cref="RuleYamlTreeTarget"/>),
/// and a test reads every SigmaHQ rule file both ways and compares the events (<see cref="ParsingEventTarget"/>).
/// </summary>
internal sealed class BlockYamlReader
{
    private readonly string _text;
    private readonly BlockYamlTarget _target;
    // Open block collections, innermost last (an array, not a list of tuples: a List over a tuple type is compiled
    // at run time, not ahead of time, and this runs once per rule file at start-up).
    private Block[] _open = new Block[8];
    private int _depth;
    private int _line = 1;
    private int _lineStart;
    // The key of the mapping whose value starts on a later line, and its mapping's column, or -1.
    private int _pendingColumn = -1;
    // After a scalar value, a later line indented past this column would continue it (a multi-line scalar).
    private int _scalarColumn = -1;
    // Where the next line starts when a block scalar has read lines past the current one, or -1.
    private int _next = -1;

    private static readonly SearchValues<char> PrintableAscii = SearchValues.Create("\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private BlockYamlReader(string text, BlockYamlTarget target)
    {
        _text = text;
        _target = target;
    }

    // An open collection: a sequence or a mapping, the column (0-based) of its dashes or keys, and whether it is a
    // sequence at its key's own column.
    private readonly record struct Block(bool Sequence, int Column, bool Indentless);

    /// <summary>The events of <paramref name="text"/>, or null when it uses YAML this reader leaves to YamlDotNet.</summary>
    public static List<ParsingEvent>? TryRead(string text)
    {
        var events = new ParsingEventTarget();
        return TryRead(text, events) ? events.Events : null;
    }

    /// <summary>Reads <paramref name="text"/> into <paramref name="target"/>; false when it uses YAML this reader
    /// leaves to YamlDotNet (or the target does not take what was read), and then what the target holds means
    /// nothing.</summary>
    public static bool TryRead(string text, BlockYamlTarget target)
    {
        if (text.Length == 0 || text[^1] != '\n' || !OnlyPlainCharacters(text))
            return false;
        return new BlockYamlReader(text, target).Read();
    }

    // Tabs, carriage returns, control and non-printable characters, lone surrogates and YAML's other line breaks
    // all change how YamlDotNet scans a line (or make it fail): such a file is left to it. A surrogate pair (an
    // emoji) is one character to both. Most rule files are printable ASCII throughout, which one vectorised search
    // confirms; the rest are checked character by character from the first other one.
    private static bool OnlyPlainCharacters(string text)
    {
        var first = text.AsSpan().IndexOfAnyExcept(PrintableAscii);
        if (first < 0)
            return true;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (c < ' ' ? c != '\n' : c is (>= '\u007F' and < '\u00A0') or (>= '\uD800' and <= '\uDFFF') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                return false;
        }
        return true;
    }

    private bool Read()
    {
        var started = false;
        // After a '---' between documents, until the next document's first line.
        var awaitingDocument = false;
        var position = 0;
        while (position < _text.Length)
        {
            var end = _text.IndexOf('\n', position);
            if (end < 0)
                end = _text.Length;
            _lineStart = position;
            var content = position;
            while (content < end && _text[content] == ' ')
                content++;
            _next = -1;
            if (content < end && _text[content] != '#')
            {
                var column = content - position;
                if (column == 0 && StartsWith(content, "---"))
                {
                    // Only '---' alone on its line between two documents (as a correlation follows its rules);
                    // other document markers are left to YamlDotNet.
                    if (!started || awaitingDocument || _pendingColumn >= 0 || end != content + 3)
                        return false;
                    var separator = Mark(content);
                    Close(-1, separator);
                    _target.DocumentEnd(separator);
                    _target.DocumentStart(false, separator, Mark(content + 3));
                    awaitingDocument = true;
                    _scalarColumn = -1;
                    position = end + 1;
                    _line++;
                    continue;
                }
                if (column == 0 && StartsWith(content, "..."))
                    return false;
                if (!started)
                {
                    _target.DocumentStart(true, Mark(content), Mark(content));
                    started = true;
                }
                awaitingDocument = false;
                if (!Line(content, end, column))
                    return false;
            }
            if (_next >= 0)
            {
                position = _next; // a block scalar took the lines up to here; _line is already this line's
                continue;
            }
            position = end + 1;
            _line++;
        }
        if (!started || awaitingDocument || _pendingColumn >= 0)
            return false;
        _lineStart = _text.Length; // the end is at the start of the line after the last
        var last = Mark(_text.Length);
        Close(-1, last);
        _target.DocumentEnd(last);
        return _target.StreamEnd(last);
    }

    // One line's content, starting at `at` (column `column`), up to `end`.
    private bool Line(int at, int end, int column)
    {
        if (_scalarColumn >= 0 && column > _scalarColumn)
            return false; // the scalar before continues on this line
        _scalarColumn = -1;
        var dash = IsDash(at, end);
        var mark = Mark(at);
        if (_pendingColumn >= 0)
        {
            // The value of the last key: a nested mapping (deeper), or a sequence (deeper, or at the key's column).
            var keyColumn = _pendingColumn;
            _pendingColumn = -1;
            if (dash && column >= keyColumn)
            {
                var indentless = column == keyColumn;
                Open(new Block(true, column, indentless));
                _target.SequenceStart(mark, indentless ? Mark(at + 1) : mark);
                return Entry(at, end, column);
            }
            if (column <= keyColumn)
                return false; // an empty value
            Open(new Block(false, column, false));
            _target.MappingStart(mark, mark);
            return Key(at, end, column);
        }
        Close(column, mark);
        if (_depth == 0)
        {
            if (column != 0 || dash)
                return false;
            Open(new Block(false, 0, false));
            _target.MappingStart(mark, mark);
            return Key(at, end, column);
        }
        var (sequence, open, _) = _open[_depth - 1];
        if (open != column)
            return false;
        return sequence ? dash && Entry(at, end, column) : !dash && Key(at, end, column);
    }

    // Ends the collections a line at `column` leaves: deeper ones, and an indentless sequence when a key follows
    // at its column. Their end events carry the mark of the token that ends them, as YamlDotNet's do.
    private void Close(int column, Mark mark)
    {
        while (_depth > 0)
        {
            var (sequence, open, indentless) = _open[_depth - 1];
            var leaves = open > column || (indentless && open == column && (column < 0 || !IsDash(_lineStart + column, LineEnd(_lineStart + column))));
            if (!leaves)
                return;
            _depth--;
            _target.CollectionEnd(sequence, mark);
        }
    }

    private void Open(Block block)
    {
        if (_depth == _open.Length)
        {
            var larger = new Block[_open.Length * 2];
            _open.CopyTo(larger, 0);
            _open = larger;
        }
        _open[_depth++] = block;
    }

    // `- value` or `- key: value` (a mapping starting on the dash's line).
    private bool Entry(int at, int end, int column)
    {
        var item = at + 1;
        while (item < end && _text[item] == ' ')
            item++;
        if (item == end || _text[item] == '#' || IsDash(item, end))
            return false; // the entry's node starts on a later line, or is a nested sequence
        if (KeyColon(item, end) >= 0)
        {
            var mark = Mark(item);
            Open(new Block(false, item - _lineStart, false));
            _target.MappingStart(mark, mark);
            return Key(item, end, item - _lineStart);
        }
        _scalarColumn = column;
        return Scalar(item, end);
    }

    // `key: value`, or `key:` with the value on the next lines; the key plain or quoted (`'|all':`).
    private bool Key(int at, int end, int column)
    {
        var keyEnd = KeyColon(at, end);
        if (_text[at] is '\'' or '"')
        {
            if (keyEnd < 0)
                return false;
            QuotedScalar(at, keyEnd - 1);
        }
        else
        {
            // An empty key (`: x`) is YamlDotNet's to read.
            if (keyEnd <= at || _text[keyEnd - 1] == ' ' || !PlainStart(at, keyEnd))
                return false;
            _target.Scalar(_text[at..keyEnd], ScalarStyle.Plain, Mark(at), Mark(keyEnd));
        }
        var value = keyEnd + 1;
        while (value < end && _text[value] == ' ')
            value++;
        if (value == end || _text[value] == '#')
        {
            _pendingColumn = column;
            return true;
        }
        _scalarColumn = column;
        return Scalar(value, end);
    }

    // A one-line scalar value from `at`; nothing but a comment may follow it on the line.
    private bool Scalar(int at, int end)
    {
        var c = _text[at];
        if (c is '\'' or '"')
            return Quoted(at, end);
        if (c is '|' or '>')
            return BlockScalar(at, end);
        if (!PlainStart(at, end))
            return false;
        var last = at;
        for (var i = at; i < end; i++)
        {
            var ch = _text[i];
            if (ch == ' ')
            {
                if (i + 1 < end && _text[i + 1] == '#')
                    break;
                continue;
            }
            if (ch == ':' && (i + 1 == end || _text[i + 1] == ' '))
                return false; // a key where a value belongs
            last = i + 1;
        }
        _target.Scalar(_text[at..last], ScalarStyle.Plain, Mark(at), Mark(last));
        return true;
    }

    // `|`: a literal block scalar (clipped: one final line break), its lines indented past the key's mapping, as
    // SigmaHQ's descriptions are written; `>` and `>-`: a folded one (its lines joined by spaces; `-` drops the final
    // line break), as Parry's own rule pack writes them. Only these forms: no indentation indicator, the first line
    // not blank, and in a folded scalar every line at the block's indentation with no blank line between two (where
    // folding keeps line breaks).
    private bool BlockScalar(int at, int end)
    {
        var folded = _text[at] == '>';
        var strip = folded && at + 1 < end && _text[at + 1] == '-';
        for (var i = strip ? at + 2 : at + 1; i < end; i++)
        {
            if (_text[i] != ' ')
                return false;
        }
        var first = end + 1;
        var indent = 0;
        while (first + indent < _text.Length && _text[first + indent] == ' ')
            indent++;
        if (first + indent >= _text.Length || _text[first + indent] == '\n' || indent <= _scalarColumn)
            return false; // a blank first line, or no line inside the block
        var lines = new List<(int Start, int End)>();
        var lastContent = -1;
        var line = first;
        var lineNumber = _line + 1;
        while (line < _text.Length)
        {
            var lineEnd = _text.IndexOf('\n', line);
            var spaces = 0;
            while (line + spaces < lineEnd && _text[line + spaces] == ' ')
                spaces++;
            if (spaces < indent && line + spaces < lineEnd)
                break; // a less indented line ends the block
            var contentStart = line + Math.Min(spaces, indent);
            if (contentStart < lineEnd)
            {
                if (folded && (spaces > indent || lastContent != lines.Count - 1))
                    return false; // a more indented line, or a blank line between two: folding keeps line breaks there
                lastContent = lines.Count;
            }
            lines.Add((contentStart, lineEnd));
            line = lineEnd + 1;
            lineNumber++;
        }
        var start = Mark(at);
        var value = new System.Text.StringBuilder();
        for (var i = 0; i <= lastContent; i++)
        {
            value.Append(_text, lines[i].Start, lines[i].End - lines[i].Start);
            if (!folded)
                value.Append('\n');
            else if (i < lastContent)
                value.Append(' ');
        }
        if (folded && !strip)
            value.Append('\n');
        _line = lineNumber;
        _lineStart = line;
        _next = line;
        _target.Scalar(value.ToString(), folded ? ScalarStyle.Folded : ScalarStyle.Literal, start, Mark(line));
        return true;
    }

    // A quoted scalar value: nothing but a comment may follow it on the line.
    private bool Quoted(int at, int end)
    {
        var close = QuoteEnd(at, end);
        if (close < 0)
            return false; // the scalar goes on past the line, or has an escape left to YamlDotNet
        var rest = close + 1;
        while (rest < end && _text[rest] == ' ')
            rest++;
        if (rest < end && (_text[rest] != '#' || rest == close + 1))
            return false;
        QuotedScalar(at, close);
        return true;
    }

    // Where the quoted scalar starting at `at` closes on its line, or -1 (not on this line, or a double-quoted
    // escape other than \\, \" and \/).
    private int QuoteEnd(int at, int end)
    {
        var quote = _text[at];
        for (var i = at + 1; i < end; i++)
        {
            var ch = _text[i];
            if (quote == '"' && ch == '\\')
            {
                if (i + 1 == end || _text[i + 1] is not ('\\' or '"' or '/'))
                    return -1;
                i++;
                continue;
            }
            if (ch != quote)
                continue;
            if (quote == '\'' && i + 1 < end && _text[i + 1] == '\'')
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    // The quoted scalar from `at` to its closing quote at `close`, its doubled quotes and escapes resolved.
    private void QuotedScalar(int at, int close)
    {
        var quote = _text[at];
        var value = _text[(at + 1)..close];
        if (quote == '\'')
        {
            if (value.Contains('\''))
                value = value.Replace("''", "'", StringComparison.Ordinal);
            _target.Scalar(value, ScalarStyle.SingleQuoted, Mark(at), Mark(close + 1));
            return;
        }
        if (value.Contains('\\'))
            value = Unescape(value);
        _target.Scalar(value, ScalarStyle.DoubleQuoted, Mark(at), Mark(close + 1));
    }

    // The escapes Quoted lets through: \\, \" and \/ stand for the character after the backslash.
    private static string Unescape(string value)
    {
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
            text.Append(value[i] == '\\' ? value[++i] : value[i]);
        return text.ToString();
    }

    // Where the ':' of an implicit key starting at `at` is (followed by a space or the line's end), or -1: after
    // the closing quote of a quoted key, else the plain key's first such ':'.
    private int KeyColon(int at, int end)
    {
        if (_text[at] is not ('\'' or '"'))
            return FindKeyEnd(at, end);
        var close = QuoteEnd(at, end);
        var colon = close + 1;
        return close >= 0 && colon < end && _text[colon] == ':' && (colon + 1 == end || _text[colon + 1] == ' ') ? colon : -1;
    }

    // Where a line's plain implicit key ends (its ':' followed by a space or the line's end), or -1. A comment
    // before it means the line is not a key.
    private int FindKeyEnd(int at, int end)
    {
        for (var i = at; i < end; i++)
        {
            var ch = _text[i];
            if (ch == ':' && (i + 1 == end || _text[i + 1] == ' '))
                return i;
            if (ch == '#' && i > at && _text[i - 1] == ' ')
                return -1;
        }
        return -1;
    }

    // A plain scalar may not start with an indicator; '-' may start one when a non-space follows.
    private bool PlainStart(int at, int end)
    {
        var c = _text[at];
        if (c == '-')
            return at + 1 < end && _text[at + 1] != ' ';
        return c is not ('?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    private bool IsDash(int at, int end) => _text[at] == '-' && (at + 1 == end || _text[at + 1] == ' ');

    private bool StartsWith(int at, string marker) => string.CompareOrdinal(_text, at, marker, 0, marker.Length) == 0;

    private int LineEnd(int at)
    {
        var end = _text.IndexOf('\n', at);
        return end < 0 ? _text.Length : end;
    }

    // YamlDotNet's marks: the character index, the 1-based line and the 1-based column.
    private Mark Mark(int index) => new(index, _line, index - _lineStart + 1);
}
