using System.Buffers;

namespace Parry.Ingest.Traces.Reading;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes without ever holding more than one line of at most
/// <c>maxLineBytes</c>: a longer line is reported through <see cref="Oversized"/> and skipped to its end without being
/// buffered. Lines are numbered from 1; the trailing '\r' of CRLF is removed; a final line without '\n' counts.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, int maxLineBytes) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(64 * 1024, Math.Max(1024, maxLineBytes + 1)));
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The number of the line last returned or skipped.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Set when the line last skipped was longer than the bound (its number is <see cref="LineNumber"/>).</summary>
    public bool Oversized { get; private set; }

    /// <summary>The next line, or false at the end. When it returns true with <see cref="Oversized"/> set, the line
    /// was skipped and <paramref name="line"/> is empty.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        Oversized = false;
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                line = Trim(_buffer.AsMemory(_start, length));
                _start += length + 1;
                LineNumber++;
                return true;
            }
            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    return false;
                }
                line = Trim(_buffer.AsMemory(_start, scanned));
                _start = _end;
                LineNumber++;
                return true;
            }
            if (scanned > maxLineBytes)
            {
                SkipToNewline();
                LineNumber++;
                Oversized = true;
                line = default;
                return true;
            }
            Fill();
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, maxLineBytes + 2));
            if (larger.Length <= _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(larger);
                larger = ArrayPool<byte>.Shared.Rent(_buffer.Length + 1);
            }
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    // Discards the rest of an overlong line, reading in place so memory stays at the buffer's size.
    private void SkipToNewline()
    {
        _start = _end = 0;
        while (true)
        {
            var read = stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                return;
            }
            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = read;
                return;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
