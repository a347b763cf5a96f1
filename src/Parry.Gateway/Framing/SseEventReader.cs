using System.Buffers;
using System.IO.Pipelines;

namespace Parry.Gateway.Framing;

/// <summary>
/// Splits a <c>text/event-stream</c> body into events as they arrive (so each can be relayed at once), bounded by
/// <c>maxEventBytes</c>: a longer event ends the stream with <see cref="SseTooLargeException"/>.
/// </summary>
internal sealed class SseEventReader : IAsyncDisposable
{
    private readonly PipeReader _pipe;
    private readonly int _maxEventBytes;
    private readonly ArrayBufferWriter<byte> _raw = new(1024);
    private readonly ArrayBufferWriter<byte> _data = new(1024);

    public SseEventReader(Stream stream, int maxEventBytes)
    {
        _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16384, leaveOpen: true));
        _maxEventBytes = maxEventBytes;
    }

    /// <summary>The next event, or null at the end of the stream (a last event without its blank line included).</summary>
    public async ValueTask<SseEvent?> ReadAsync(CancellationToken cancellation)
    {
        _raw.ResetWrittenCount();
        _data.ResetWrittenCount();
        var hasData = false;
        while (true)
        {
            var result = await _pipe.ReadAsync(cancellation).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                var whole = buffer.Slice(0, buffer.GetPosition(1, end));
                Append(_raw, whole);
                buffer = buffer.Slice(whole.End);
                var length = (int)line.Length;
                if (length > 0 && line.Slice(length - 1).FirstSpan[0] == (byte)'\r')
                    line = line.Slice(0, length - 1);
                if (line.IsEmpty)
                {
                    _pipe.AdvanceTo(buffer.Start);
                    return new SseEvent(_raw.WrittenMemory, _data.WrittenMemory, hasData);
                }
                hasData |= AppendData(line);
            }
            if (_raw.WrittenCount + buffer.Length > _maxEventBytes)
                throw new SseTooLargeException(_maxEventBytes);
            if (result.IsCompleted)
            {
                Append(_raw, buffer);
                if (!buffer.IsEmpty)
                    hasData |= AppendData(buffer);
                _pipe.AdvanceTo(buffer.End);
                return _raw.WrittenCount == 0 ? null : new SseEvent(_raw.WrittenMemory, _data.WrittenMemory, hasData);
            }
            _pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool AppendData(ReadOnlySequence<byte> line)
    {
        if (line.Length < 5)
            return false;
        Span<byte> head = stackalloc byte[5];
        line.Slice(0, 5).CopyTo(head);
        if (!head.SequenceEqual("data:"u8))
            return false;
        var value = line.Slice(5);
        if (!value.IsEmpty && value.FirstSpan[0] == (byte)' ')
            value = value.Slice(1);
        if (_data.WrittenCount > 0)
            _data.Write("\n"u8);
        Append(_data, value);
        return true;
    }

    private void Append(ArrayBufferWriter<byte> target, ReadOnlySequence<byte> bytes)
    {
        if (target.WrittenCount + bytes.Length > _maxEventBytes)
            throw new SseTooLargeException(_maxEventBytes);
        foreach (var segment in bytes)
            target.Write(segment.Span);
    }

    public ValueTask DisposeAsync() => _pipe.CompleteAsync();
}
