using System.Buffers;

namespace Parry.Gateway.Proxy;

/// <summary>
/// Writes newline-delimited messages to one stdio stream. Several tasks write to the same peer (relayed messages,
/// denials, timeouts), so writes are serialised; each message goes out in one write with its newline, then a flush.
/// </summary>
internal sealed class MessageWriter(Stream stream) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + 1);
        try
        {
            message.CopyTo(buffer);
            buffer[message.Length] = (byte)'\n';
            await _gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await stream.WriteAsync(buffer.AsMemory(0, message.Length + 1), cancellation).ConfigureAwait(false);
                await stream.FlushAsync(cancellation).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _gate.Dispose();
}
