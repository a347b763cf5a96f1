using System.Buffers;

namespace Parry.Gateway.Framing;

/// <summary>
/// Splits a stdio MCP stream into newline-delimited messages, blocking: the stdio proxy gives each direction its own
/// thread, which reads a message, judges it and writes it on with no hop through the thread pool (such hops cost
/// milliseconds on a busy machine). Memory stays bounded whatever the peer sends: a message longer than
/// <c>maxLineBytes</c> is skipped up to its newline, keeping only a short prefix (to find its id).
/// </summary>
internal sealed class LineReader : IDisposable
{
    public const int PrefixBytes = 4096;

    private const int Chunk = 65536;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _prefix = new byte[PrefixBytes];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Chunk);
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    public LineRead Read()
    {
        var discarding = false;
        var prefixLength = 0;
        long discarded = 0;
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanFrom + newline;
                var length = lineEnd - _start;
                var lineStart = _start;
                _start = lineEnd + 1;
                if (discarding || length > _maxLineBytes)
                {
                    if (!discarding)
                        prefixLength = CopyPrefix(lineStart, length);
                    return new LineRead(LineReadKind.TooLarge, _prefix.AsMemory(0, prefixLength), discarded + length);
                }
                if (length > 0 && _buffer[lineEnd - 1] == (byte)'\r')
                    length--;
                if (_buffer.AsSpan(lineStart, length).Trim(" \t"u8).IsEmpty)
                {
                    scanFrom = _start;
                    continue;
                }
                return new LineRead(LineReadKind.Line, _buffer.AsMemory(lineStart, length), length);
            }

            var pending = _end - _start;
            if (_eof)
            {
                var tooLarge = discarding || pending > _maxLineBytes;
                if (tooLarge && !discarding)
                    prefixLength = CopyPrefix(_start, pending);
                var lineStart = _start;
                _start = _end;
                if (tooLarge)
                    return new LineRead(LineReadKind.TooLarge, _prefix.AsMemory(0, prefixLength), discarded + pending);
                if (pending == 0 || _buffer.AsSpan(lineStart, pending).Trim(" \t\r"u8).IsEmpty)
                    return new LineRead(LineReadKind.End, default, 0);
                var length = _buffer[_end - 1] == (byte)'\r' ? pending - 1 : pending;
                return new LineRead(LineReadKind.Line, _buffer.AsMemory(lineStart, length), length);
            }

            if (discarding || pending > _maxLineBytes)
            {
                if (!discarding)
                    prefixLength = CopyPrefix(_start, pending);
                discarding = true;
                discarded += pending;
                _start = _end = 0;
                scanFrom = 0;
            }
            else
            {
                Compact();
                scanFrom = _end;
            }
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _eof = true;
            else
                _end += read;
        }
    }

    private void Compact()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }

    private int CopyPrefix(int start, int length)
    {
        var n = Math.Min(length, PrefixBytes);
        _buffer.AsSpan(start, n).CopyTo(_prefix);
        return n;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
