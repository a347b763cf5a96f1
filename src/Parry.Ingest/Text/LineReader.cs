using System.Buffers;

namespace Parry.Ingest.Text;

/// <summary>
/// Reads a stream line by line over one pooled buffer that grows only as far as the longest line allowed. A line
/// longer than that is skipped to its end without being held, so a file of one endless line costs the limit in memory,
/// not its size. Lines end at LF; a CR before it is dropped. Each returned span is valid until the next call.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private const int MinimumBuffer = 4 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scanFrom;
    private bool _eof;

    public LineReader(Stream stream, int maxLineBytes, int initialBufferBytes = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(initialBufferBytes, MinimumBuffer, Math.Max(MinimumBuffer, maxLineBytes + 1)));
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Length in bytes of the line last returned as <see cref="LineStatus.TooLong"/>.</summary>
    public long SkippedBytes { get; private set; }

    public LineStatus Read(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_scanFrom, _end - _scanFrom).IndexOf((byte)'\n');
            if (found >= 0)
            {
                var lineEnd = _scanFrom + found;
                line = TrimCr(_buffer.AsSpan(_start, lineEnd - _start));
                _start = _scanFrom = lineEnd + 1;
                LineNumber++;
                return line.Length > _maxLineBytes ? SkipHeld(line.Length, out line) : LineStatus.Line;
            }
            _scanFrom = _end;
            if (_end - _start > _maxLineBytes)
                return SkipRest(out line);
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return LineStatus.End;
                }
                line = TrimCr(_buffer.AsSpan(_start, _end - _start));
                _start = _scanFrom = _end;
                LineNumber++;
                return LineStatus.Line;
            }
            Fill();
        }
    }

    private LineStatus SkipHeld(long length, out ReadOnlySpan<byte> line)
    {
        SkippedBytes = length;
        line = default;
        return LineStatus.TooLong;
    }

    // The current line has outgrown the limit: drop what is held and read on to its end without keeping it.
    private LineStatus SkipRest(out ReadOnlySpan<byte> line)
    {
        long skipped = _end - _start;
        _start = _end = _scanFrom = 0;
        LineNumber++;
        while (!_eof)
        {
            var n = _stream.Read(_buffer, 0, _buffer.Length);
            if (n == 0)
            {
                _eof = true;
                break;
            }
            var found = _buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (found >= 0)
            {
                skipped += found;
                _start = _scanFrom = found + 1;
                _end = n;
                break;
            }
            skipped += n;
        }
        return SkipHeld(skipped, out line);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            var held = _end - _start;
            _buffer.AsSpan(_start, held).CopyTo(_buffer);
            _scanFrom -= _start;
            _start = 0;
            _end = held;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Math.Max(_buffer.Length + 1L, _maxLineBytes + 1L)));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
            _eof = true;
        _end += n;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
