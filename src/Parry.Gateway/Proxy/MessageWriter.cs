using System.Buffers;

namespace Parry.Gateway.Proxy;

/// <summary>
/// Writes newline-delimited messages to one stdio stream. Several threads write to the same peer (relayed messages,
/// denials, timeouts), so writes are serialised; each message goes out in one write with its newline, then a flush.
/// Synchronous on purpose: the relay thread writes what it just read without a hop through the thread pool.
/// </summary>
internal sealed class MessageWriter(Stream stream)
{
    private readonly Lock _gate = new();

    public void Write(ReadOnlySpan<byte> message)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + 1);
        try
        {
            message.CopyTo(buffer);
            buffer[message.Length] = (byte)'\n';
            lock (_gate)
            {
                stream.Write(buffer, 0, message.Length + 1);
                stream.Flush();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
