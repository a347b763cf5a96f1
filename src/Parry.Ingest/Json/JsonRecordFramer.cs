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

    private readonly JsonByteWindow _w;
    private readonly int _maxRecordBytes;
    private readonly byte[]? _wrapperProperty;
    private Mode _mode;
    private int _resyncColumn = -1;
    private int _sampleLength;
    private readonly byte[] _sample = new byte[SampleBytes];

    /// <param name="wrapperProperty">When set, a top-level object whose first property has this name and an array
    /// value is a wrapper: the array's objects are the records.</param>
    public JsonRecordFramer(Stream stream, int maxRecordBytes, string? wrapperProperty = null, int initialBufferBytes = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 2);
        _maxRecordBytes = maxRecordBytes;
        _wrapperProperty = wrapperProperty is null ? null : System.Text.Encoding.UTF8.GetBytes(wrapperProperty);
        _w = new JsonByteWindow(stream, maxRecordBytes, initialBufferBytes);
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
            if (!_w.SkipWhitespace())
            {
                EndedInsideArray = _mode != Mode.TopLevel;
                return JsonFrameKind.End;
            }
            var b = _w.Buffer[_w.Start];
            switch (_mode)
            {
                case Mode.TopLevel when b == (byte)'{':
                    if (_wrapperProperty is not null && TryEnterWrapper())
                        continue;
                    return ScanRecord(out record);
                case Mode.TopLevel when b == (byte)'[':
                    _w.Consume(1);
                    _mode = Mode.Array;
                    continue;
                case Mode.TopLevel:
                    return SkipGarbage();
                case Mode.Array or Mode.WrapperArray when b == (byte)']':
                    _w.Consume(1);
                    _mode = _mode == Mode.WrapperArray ? Mode.AfterWrapperArray : Mode.TopLevel;
                    continue;
                case Mode.Array or Mode.WrapperArray when b == (byte)',':
                    _w.Consume(1);
                    continue;
                case Mode.Array or Mode.WrapperArray when b == (byte)'{':
                    return ScanRecord(out record);
                case Mode.Array or Mode.WrapperArray:
                    return SkipNotObject();
                default: // AfterWrapperArray: skip the wrapper's remaining properties up to its closing brace
                    _mode = Mode.TopLevel;
                    Line = _w.Line;
                    var keep = false;
                    if (Scan(1, ref keep, -1, out var end, out _) == ScanEnd.Closed)
                    {
                        _w.Start = end;
                        continue;
                    }
                    _w.Start = end;
                    EndLine = _w.Line;
                    Problem = "the wrapper object is not closed";
                    return JsonFrameKind.Garbage;
            }
        }
    }

    private JsonFrameKind ScanRecord(out ReadOnlySpan<byte> record)
    {
        record = default;
        Line = _w.Line;
        var column = _w.Column(_w.Start);
        var keep = true;
        var how = Scan(0, ref keep, column, out var end, out var dropped);
        Length = dropped + (end - _w.Start);
        EndLine = _w.Line;
        Problem = how switch
        {
            ScanEnd.Closed => null,
            ScanEnd.Boundary => $"not closed before the object that starts at line {_w.Line + 1}",
            ScanEnd.BrokenString => $"a string runs into the end of line {_w.Line}",
            _ => "not closed at the end of the file",
        };
        if (how == ScanEnd.BrokenString)
            _resyncColumn = column;
        if (!keep)
        {
            _w.Start = end;
            return JsonFrameKind.Oversize;
        }
        record = _w.Buffer.AsSpan(_w.Start, end - _w.Start);
        _w.Start = end;
        return JsonFrameKind.Record;
    }

    // Scans from _w.Start, where depth is `depth` before the first byte. Keeps bytes from _w.Start while `keep` (turning
    // it off once the record outgrows the limit) and otherwise drops them as it goes. Tracks lines as it passes them.
    private ScanEnd Scan(int depth, ref bool keep, int boundaryColumn, out int end, out long dropped)
    {
        var pos = _w.Start;
        var inString = false;
        dropped = 0;
        while (true)
        {
            if (pos >= _w.End)
            {
                if (keep && pos - _w.Start > _maxRecordBytes)
                    keep = false;
                if (_w.Eof)
                {
                    if (!keep)
                    {
                        dropped += pos - _w.Start;
                        _w.Start = pos;
                    }
                    end = pos;
                    return ScanEnd.EndOfFile;
                }
                pos -= _w.Refill(pos, keep, ref dropped);
                continue;
            }
            var window = _w.Buffer.AsSpan(pos, _w.End - pos);
            if (inString)
            {
                var k = window.IndexOfAny(StringStops);
                if (k < 0)
                {
                    pos = _w.End;
                    continue;
                }
                pos += k;
                var c = _w.Buffer[pos];
                if (c == (byte)'"')
                {
                    inString = false;
                    pos++;
                }
                else if (c == (byte)'\\')
                {
                    if (pos + 1 < _w.End)
                        pos += 2;
                    else if (_w.Eof)
                        pos = _w.End;
                    else
                        pos -= _w.Refill(pos, keep, ref dropped);
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
                pos = _w.End;
                continue;
            }
            pos += s;
            switch (_w.Buffer[pos])
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
                        if (pos + look > _w.End && !_w.Eof)
                        {
                            var shift = _w.Refill(pos, keep, ref dropped, look);
                            pos -= shift;
                            if (pos + look > _w.End && !_w.Eof)
                                continue;
                        }
                        if (StartsObjectWithin(pos + 1, Math.Min(boundaryColumn, MaxIndent)))
                        {
                            end = pos;
                            return ScanEnd.Boundary;
                        }
                    }
                    pos++;
                    _w.Line++;
                    _w.LineStart = pos;
                    break;
            }
        }
    }

    // Whether the line at `at` starts (after spaces and tabs) with '{' at a column no greater than `column`.
    private bool StartsObjectWithin(int at, int column)
    {
        var i = at;
        while (i < _w.End && i - at <= column && _w.Buffer[i] is (byte)' ' or (byte)'\t')
            i++;
        return i < _w.End && i - at <= column && _w.Buffer[i] == (byte)'{';
    }

    private bool TryEnterWrapper()
    {
        var need = _wrapperProperty!.Length + 2 * MaxIndent;
        _w.Ensure(need);
        var span = _w.Buffer.AsSpan(_w.Start, _w.End - _w.Start);
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
        _w.Consume(i + 1);
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
        Line = _w.Line;
        TakeSample();
        SkipToLineStartingObject(0);
        EndLine = _w.Line - 1;
        Problem = "not JSON";
        return JsonFrameKind.Garbage;
    }

    private JsonFrameKind SkipNotObject()
    {
        Line = EndLine = _w.Line;
        TakeSample();
        Problem = "an array item is not an object";
        var keep = false;
        if (_w.Buffer[_w.Start] == (byte)'[')
        {
            Scan(0, ref keep, -1, out var end, out _);
            _w.Start = end;
            return JsonFrameKind.NotObject;
        }
        // A scalar: a string (escapes honoured) or a bare token up to the next separator.
        var inString = _w.Buffer[_w.Start] == (byte)'"';
        var pos = _w.Start + 1;
        long dropped = 0;
        while (true)
        {
            if (pos >= _w.End)
            {
                if (_w.Eof)
                    break;
                pos -= _w.Refill(pos, keep, ref dropped);
                continue;
            }
            var c = _w.Buffer[pos];
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
        _w.Start = Math.Min(pos, _w.End);
        return JsonFrameKind.NotObject;
    }

    private void TakeSample()
    {
        _w.Ensure(SampleBytes);
        var available = _w.Buffer.AsSpan(_w.Start, Math.Min(SampleBytes, _w.End - _w.Start));
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
                var k = _w.Buffer.AsSpan(_w.Start, _w.End - _w.Start).IndexOf((byte)'\n');
                if (k >= 0)
                {
                    _w.Start += k + 1;
                    _w.Line++;
                    _w.LineStart = _w.Start;
                    break;
                }
                _w.Start = _w.End;
                if (_w.Eof)
                    return;
                _w.Fill();
            }
            _w.Ensure(Math.Min(column, MaxIndent) + 2);
            var i = _w.Start;
            while (i < _w.End && _w.Buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
                i++;
            if (i >= _w.End)
            {
                if (_w.Eof)
                    return;
                continue; // a blank line longer than the look-ahead: keep skipping
            }
            if (_w.Buffer[i] == (byte)'\n')
                continue; // a blank line: go round, it is skipped as "the rest of the line"
            if (i - _w.Start <= column && _w.Buffer[i] is (byte)'{' or (byte)'[' or (byte)']')
                return;
        }
    }


    public void Dispose() => _w.Dispose();
}
