using System.Buffers;

namespace Parry.Ingest.Json;

/// <summary>
/// Finds where each JSON record starts and ends in a stream, without parsing it: JSONL, concatenated (pretty-printed)
/// objects, the objects of a top-level array, and optionally the objects of a wrapper's array property
/// (<c>{"Records":[…]}</c>). It scans bytes for structure (braces, brackets, quotes, escapes, line ends) over one
/// pooled buffer that holds at most one record, so memory is bounded by the record limit whatever the input.
/// </summary>
/// <remarks>
/// Resynchronisation after bad input is by layout, because that is what survives damage: a record ends early when a
/// string runs into a line end (JSON strings cannot hold raw line breaks) or when a line starts a new object at or
/// left of the column where the current record started (pretty-printers indent nested objects deeper; JSONL records
/// are single lines). After a broken record, reading resumes at the next line that starts an object at or left of
/// that column.
/// </remarks>
internal sealed class JsonRecordFramer : IDisposable
{
    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> StructureStops = SearchValues.Create("\"{}[]\n"u8);
    private const int MaxIndent = 256;
    private const int SampleBytes = 80;

    private enum Mode
    {
        TopLevel,
        Array,
        WrapperArray,
        AfterWrapperArray,
    }

    private enum ScanEnd
    {
        Closed,
        Boundary,
        BrokenString,
        EndOfFile,
    }

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly byte[]? _wrapperProperty;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private long _lineStart;
    private Mode _mode;
    private bool _atFileStart = true;
    private int _resyncColumn = -1;
    private int _sampleLength;
    private readonly byte[] _sample = new byte[SampleBytes];

    /// <param name="wrapperProperty">When set, a top-level object whose first property has this name and an array
    /// value is a wrapper: the array's objects are the records.</param>
    public JsonRecordFramer(Stream stream, int maxRecordBytes, string? wrapperProperty = null, int initialBufferBytes = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 2);
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _wrapperProperty = wrapperProperty is null ? null : System.Text.Encoding.UTF8.GetBytes(wrapperProperty);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(initialBufferBytes, 512, Math.Max(512, maxRecordBytes + 1)));
    }

    /// <summary>1-based line where the last frame started.</summary>
    public long Line { get; private set; }

    /// <summary>1-based line where the last frame ended.</summary>
    public long EndLine { get; private set; }

    /// <summary>Bytes the last frame covered (for an oversize record, the bytes skipped).</summary>
    public long Length { get; private set; }

    /// <summary>Why the last record is incomplete, or what the last garbage/non-object frame was; null for a
    /// complete record.</summary>
    public string? Problem { get; private set; }

    /// <summary>The first bytes of the last garbage or non-object frame, for the error message.</summary>
    public ReadOnlySpan<byte> Sample => _sample.AsSpan(0, _sampleLength);

    /// <summary>Whether the stream ended inside a top-level array or wrapper (reported once by the caller).</summary>
    public bool EndedInsideArray { get; private set; }

    /// <summary>The next frame; a <see cref="JsonFrameKind.Record"/>'s bytes are valid until the next call.</summary>
    public JsonFrameKind Next(out ReadOnlySpan<byte> record)
    {
        record = default;
        Problem = null;
        _sampleLength = 0;
        while (true)
        {
            if (_resyncColumn >= 0)
            {
                SkipToLineStartingObject(_resyncColumn);
                _resyncColumn = -1;
            }
            if (!SkipWhitespace())
            {
                EndedInsideArray = _mode != Mode.TopLevel;
                return JsonFrameKind.End;
            }
            var b = _buffer[_start];
            switch (_mode)
            {
                case Mode.TopLevel when b == (byte)'{':
                    if (_wrapperProperty is not null && TryEnterWrapper())
                        continue;
                    return ScanRecord(out record);
                case Mode.TopLevel when b == (byte)'[':
                    Consume(1);
                    _mode = Mode.Array;
                    continue;
                case Mode.TopLevel:
                    return SkipGarbage();
                case Mode.Array or Mode.WrapperArray when b == (byte)']':
                    Consume(1);
                    _mode = _mode == Mode.WrapperArray ? Mode.AfterWrapperArray : Mode.TopLevel;
                    continue;
                case Mode.Array or Mode.WrapperArray when b == (byte)',':
                    Consume(1);
                    continue;
                case Mode.Array or Mode.WrapperArray when b == (byte)'{':
                    return ScanRecord(out record);
                case Mode.Array or Mode.WrapperArray:
                    return SkipNotObject();
                default: // AfterWrapperArray: skip the wrapper's remaining properties up to its closing brace
                    _mode = Mode.TopLevel;
                    Line = _line;
                    var keep = false;
                    if (Scan(1, ref keep, -1, out var end, out _) == ScanEnd.Closed)
                    {
                        _start = end;
                        continue;
                    }
                    _start = end;
                    EndLine = _line;
                    Problem = "the wrapper object is not closed";
                    return JsonFrameKind.Garbage;
            }
        }
    }

    private JsonFrameKind ScanRecord(out ReadOnlySpan<byte> record)
    {
        record = default;
        Line = _line;
        var column = Column(_start);
        var keep = true;
        var how = Scan(0, ref keep, column, out var end, out var dropped);
        Length = dropped + (end - _start);
        EndLine = _line;
        Problem = how switch
        {
            ScanEnd.Closed => null,
            ScanEnd.Boundary => $"not closed before the object that starts at line {_line + 1}",
            ScanEnd.BrokenString => $"a string runs into the end of line {_line}",
            _ => "not closed at the end of the file",
        };
        if (how == ScanEnd.BrokenString)
            _resyncColumn = column;
        if (!keep)
        {
            _start = end;
            return JsonFrameKind.Oversize;
        }
        record = _buffer.AsSpan(_start, end - _start);
        _start = end;
        return JsonFrameKind.Record;
    }

    // Scans from _start, where depth is `depth` before the first byte. Keeps bytes from _start while `keep` (turning
    // it off once the record outgrows the limit) and otherwise drops them as it goes. Tracks lines as it passes them.
    private ScanEnd Scan(int depth, ref bool keep, int boundaryColumn, out int end, out long dropped)
    {
        var pos = _start;
        var inString = false;
        dropped = 0;
        while (true)
        {
            if (pos >= _end)
            {
                if (keep && pos - _start > _maxRecordBytes)
                    keep = false;
                if (_eof)
                {
                    if (!keep)
                    {
                        dropped += pos - _start;
                        _start = pos;
                    }
                    end = pos;
                    return ScanEnd.EndOfFile;
                }
                pos -= Refill(pos, keep, ref dropped);
                continue;
            }
            var window = _buffer.AsSpan(pos, _end - pos);
            if (inString)
            {
                var k = window.IndexOfAny(StringStops);
                if (k < 0)
                {
                    pos = _end;
                    continue;
                }
                pos += k;
                var c = _buffer[pos];
                if (c == (byte)'"')
                {
                    inString = false;
                    pos++;
                }
                else if (c == (byte)'\\')
                {
                    if (pos + 1 < _end)
                        pos += 2;
                    else if (_eof)
                        pos = _end;
                    else
                        pos -= Refill(pos, keep, ref dropped);
                }
                else
                {
                    end = pos;
                    return ScanEnd.BrokenString;
                }
                continue;
            }
            var s = window.IndexOfAny(StructureStops);
            if (s < 0)
            {
                pos = _end;
                continue;
            }
            pos += s;
            switch (_buffer[pos])
            {
                case (byte)'"':
                    inString = true;
                    pos++;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    pos++;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    pos++;
                    if (depth <= 0)
                    {
                        end = pos;
                        return ScanEnd.Closed;
                    }
                    break;
                default: // a line end outside strings
                    if (depth > 0 && boundaryColumn >= 0)
                    {
                        var look = Math.Min(boundaryColumn, MaxIndent) + 2;
                        if (pos + look > _end && !_eof)
                        {
                            var shift = Refill(pos, keep, ref dropped, look);
                            pos -= shift;
                            if (pos + look > _end && !_eof)
                                continue;
                        }
                        if (StartsObjectWithin(pos + 1, Math.Min(boundaryColumn, MaxIndent)))
                        {
                            end = pos;
                            return ScanEnd.Boundary;
                        }
                    }
                    pos++;
                    _line++;
                    _lineStart = pos;
                    break;
            }
        }
    }

    // Whether the line at `at` starts (after spaces and tabs) with '{' at a column no greater than `column`.
    private bool StartsObjectWithin(int at, int column)
    {
        var i = at;
        while (i < _end && i - at <= column && _buffer[i] is (byte)' ' or (byte)'\t')
            i++;
        return i < _end && i - at <= column && _buffer[i] == (byte)'{';
    }

    private bool TryEnterWrapper()
    {
        var need = _wrapperProperty!.Length + 2 * MaxIndent;
        Ensure(need);
        var span = _buffer.AsSpan(_start, _end - _start);
        var i = 1;
        i = SkipSpace(span, i);
        if (i >= span.Length || span[i] != (byte)'"' || !span[(i + 1)..].StartsWith(_wrapperProperty))
            return false;
        i += 1 + _wrapperProperty.Length;
        if (i >= span.Length || span[i] != (byte)'"')
            return false;
        i = SkipSpace(span, i + 1);
        if (i >= span.Length || span[i] != (byte)':')
            return false;
        i = SkipSpace(span, i + 1);
        if (i >= span.Length || span[i] != (byte)'[')
            return false;
        Consume(i + 1);
        _mode = Mode.WrapperArray;
        return true;
    }

    private static int SkipSpace(ReadOnlySpan<byte> span, int i)
    {
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        return i;
    }

    // Text that is not JSON at the top level: skip it, line by line, to the next line that starts an object or array
    // at column 0.
    private JsonFrameKind SkipGarbage()
    {
        Line = _line;
        TakeSample();
        SkipToLineStartingObject(0);
        EndLine = _line - 1;
        Problem = "not JSON";
        return JsonFrameKind.Garbage;
    }

    private JsonFrameKind SkipNotObject()
    {
        Line = EndLine = _line;
        TakeSample();
        Problem = "an array item is not an object";
        var keep = false;
        if (_buffer[_start] == (byte)'[')
        {
            Scan(0, ref keep, -1, out var end, out _);
            _start = end;
            return JsonFrameKind.NotObject;
        }
        // A scalar: a string (escapes honoured) or a bare token up to the next separator.
        var inString = _buffer[_start] == (byte)'"';
        var pos = _start + 1;
        long dropped = 0;
        while (true)
        {
            if (pos >= _end)
            {
                if (_eof)
                    break;
                pos -= Refill(pos, keep, ref dropped);
                continue;
            }
            var c = _buffer[pos];
            if (inString)
            {
                if (c == (byte)'\\')
                    pos++;
                else if (c is (byte)'"' or (byte)'\n')
                {
                    pos += c == (byte)'"' ? 1 : 0;
                    break;
                }
            }
            else if (c is (byte)',' or (byte)']' or (byte)'}' or (byte)'\n' or (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                break;
            }
            pos++;
        }
        _start = Math.Min(pos, _end);
        return JsonFrameKind.NotObject;
    }

    private void TakeSample()
    {
        Ensure(SampleBytes);
        var available = _buffer.AsSpan(_start, Math.Min(SampleBytes, _end - _start));
        var line = available.IndexOf((byte)'\n');
        if (line >= 0)
            available = available[..line];
        available.CopyTo(_sample);
        _sampleLength = available.Length;
    }

    // Drops the rest of the current line and every following line until one whose first non-blank byte is '{' or
    // '[' (or ']' closing an array) at a column no greater than `column`.
    private void SkipToLineStartingObject(int column)
    {
        while (true)
        {
            // to the end of the current line
            while (true)
            {
                var k = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (k >= 0)
                {
                    _start += k + 1;
                    _line++;
                    _lineStart = _start;
                    break;
                }
                _start = _end;
                if (_eof)
                    return;
                Fill();
            }
            Ensure(Math.Min(column, MaxIndent) + 2);
            var i = _start;
            while (i < _end && _buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
                i++;
            if (i >= _end)
            {
                if (_eof)
                    return;
                continue; // a blank line longer than the look-ahead: keep skipping
            }
            if (_buffer[i] == (byte)'\n')
                continue; // a blank line: go round, it is skipped as "the rest of the line"
            if (i - _start <= column && _buffer[i] is (byte)'{' or (byte)'[' or (byte)']')
                return;
        }
    }

    /// <summary>Skips blanks (and a byte-order mark at the start of the file); false at the end of the stream.</summary>
    private bool SkipWhitespace()
    {
        while (true)
        {
            if (_start >= _end)
            {
                if (_eof)
                    return false;
                Fill();
                continue;
            }
            if (_atFileStart)
            {
                Ensure(3);
                _atFileStart = false;
                if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
                    _start += 3;
                continue;
            }
            var b = _buffer[_start];
            if (b == (byte)'\n')
            {
                _start++;
                _line++;
                _lineStart = _start;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                _start++;
            }
            else
            {
                return true;
            }
        }
    }

    private void Consume(int count)
    {
        var span = _buffer.AsSpan(_start, count);
        var lines = span.Count((byte)'\n');
        if (lines > 0)
        {
            _line += lines;
            _lineStart = _start + span.LastIndexOf((byte)'\n') + 1;
        }
        _start += count;
    }

    private int Column(int position)
    {
        var column = position - _lineStart;
        return column is >= 0 and <= MaxIndent ? (int)column : MaxIndent;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes from _start available, unless the stream ends first.</summary>
    private void Ensure(int count)
    {
        while (_end - _start < count && !_eof)
            Fill();
    }

    // More input while the bytes from `pos` on must stay; bytes before `pos` are dropped unless kept. Returns how far
    // the buffer's content moved down, which the caller subtracts from its positions.
    private int Refill(int pos, bool keep, ref long dropped, int need = 1)
    {
        if (!keep)
        {
            dropped += pos - _start;
            _start = pos;
        }
        var shift = 0;
        do
        {
            shift += Fill();
        }
        while (_end - (pos - shift) < need && !_eof);
        return shift;
    }

    // Moves held bytes to the front, grows the buffer when it is full of one record, and reads. Returns the shift.
    private int Fill()
    {
        var shift = _start;
        if (shift > 0)
        {
            var held = _end - _start;
            _buffer.AsSpan(_start, held).CopyTo(_buffer);
            _start = 0;
            _end = held;
            _lineStart -= shift;
        }
        if (_end == _buffer.Length)
        {
            var size = (int)Math.Min((long)_buffer.Length * 2, Math.Max(_buffer.Length + 4096L, _maxRecordBytes + 4096L));
            var larger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
            _eof = true;
        _end += n;
        return shift;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
