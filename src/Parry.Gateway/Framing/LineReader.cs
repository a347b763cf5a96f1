using System.Buffers;
using System.IO.Pipelines;

namespace Parry.Gateway.Framing;

/// <summary>
/// Splits a stdio MCP stream into newline-delimited messages. Memory stays bounded whatever the peer sends: a message
/// longer than <c>maxLineBytes</c> is skipped up to its newline, keeping only a short prefix (to find its id).
/// </summary>
internal sealed class LineReader : IAsyncDisposable
{
    public const int PrefixBytes = 4096;

    private readonly PipeReader _pipe;
    private readonly int _maxLineBytes;
    private byte[] _line = ArrayPool<byte>.Shared.Rent(4096);
    private readonly byte[] _prefix = new byte[PrefixBytes];
    private long _scanned;

    public LineReader(Stream stream, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 65536, leaveOpen: true));
        _maxLineBytes = maxLineBytes;
    }

    public async ValueTask<LineRead> ReadAsync(CancellationToken cancellation)
    {
        var discarding = false;
        var prefixLength = 0;
        long discarded = 0;
        while (true)
        {
            var result = await _pipe.ReadAsync(cancellation).ConfigureAwait(false);
            var buffer = result.Buffer;
            var newline = buffer.Slice(_scanned).PositionOf((byte)'\n');
            if (newline is { } end)
            {
                var line = buffer.Slice(0, end);
                var next = buffer.GetPosition(1, end);
                _scanned = 0;
                if (discarding || line.Length > _maxLineBytes)
                {
                    if (!discarding)
                        prefixLength = CopyPrefix(line);
                    var total = discarded + line.Length;
                    _pipe.AdvanceTo(next);
                    return new LineRead(LineReadKind.TooLarge, _prefix.AsMemory(0, prefixLength), total);
                }
                var read = Complete(line);
                _pipe.AdvanceTo(next);
                if (read.Bytes.Length == 0)
                    continue; // blank line between messages
                return read;
            }

            if (result.IsCompleted)
            {
                _scanned = 0;
                if (buffer.IsEmpty || discarding || buffer.Length > _maxLineBytes)
                {
                    if (!buffer.IsEmpty && !discarding)
                        prefixLength = CopyPrefix(buffer);
                    var total = discarded + buffer.Length;
                    var wasTooLarge = discarding || buffer.Length > _maxLineBytes;
                    _pipe.AdvanceTo(buffer.End);
                    if (wasTooLarge)
                        return new LineRead(LineReadKind.TooLarge, _prefix.AsMemory(0, prefixLength), total);
                    return new LineRead(LineReadKind.End, default, 0);
                }
                // A last message without its newline still counts.
                var last = Complete(buffer);
                _pipe.AdvanceTo(buffer.End);
                if (last.Bytes.Length == 0)
                    return new LineRead(LineReadKind.End, default, 0);
                return last;
            }

            if (discarding || buffer.Length > _maxLineBytes)
            {
                if (!discarding)
                    prefixLength = CopyPrefix(buffer);
                discarding = true;
                discarded += buffer.Length;
                _scanned = 0;
                _pipe.AdvanceTo(buffer.End);
                continue;
            }
            _scanned = buffer.Length;
            _pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private LineRead Complete(ReadOnlySequence<byte> line)
    {
        var length = (int)line.Length;
        if (length > 0 && line.Slice(length - 1).FirstSpan[0] == (byte)'\r')
            length--;
        if (_line.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_line);
            _line = ArrayPool<byte>.Shared.Rent(length);
        }
        line.Slice(0, length).CopyTo(_line);
        var span = _line.AsSpan(0, length);
        return span.Trim(" \t"u8).IsEmpty
            ? new LineRead(LineReadKind.Line, default, 0)
            : new LineRead(LineReadKind.Line, _line.AsMemory(0, length), length);
    }

    private int CopyPrefix(ReadOnlySequence<byte> bytes)
    {
        var n = (int)Math.Min(bytes.Length, PrefixBytes);
        bytes.Slice(0, n).CopyTo(_prefix);
        return n;
    }

    public async ValueTask DisposeAsync()
    {
        await _pipe.CompleteAsync().ConfigureAwait(false);
        ArrayPool<byte>.Shared.Return(_line);
        _line = [];
    }
}
