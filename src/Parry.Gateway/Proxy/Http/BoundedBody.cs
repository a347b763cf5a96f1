using System.Buffers;
using Parry.Gateway.Framing;

namespace Parry.Gateway.Proxy.Http;

/// <summary>
/// Reads an HTTP body of at most <c>limit</c> bytes: exactly sized when its length is declared, else in pooled chunks.
/// Of a larger body only a prefix is kept (to answer its id); memory stays bounded whatever the sender claims.
/// </summary>
internal static class BoundedBody
{
    public readonly record struct Result(byte[] Bytes, bool TooLarge);

    public static async Task<Result> ReadAsync(Stream body, long? declared, int limit, CancellationToken cancellation)
    {
        if (declared is { } length && length <= limit)
        {
            var exact = new byte[length];
            await body.ReadExactlyAsync(exact, cancellation).ConfigureAwait(false);
            return new Result(exact, TooLarge: false);
        }
        var keep = declared > limit ? LineReader.PrefixBytes : limit;
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            using var buffer = new MemoryStream();
            int n;
            while ((n = await body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > keep)
                {
                    buffer.Write(chunk, 0, (int)Math.Min(n, Math.Max(0, LineReader.PrefixBytes - buffer.Length)));
                    return new Result(Prefix(buffer), TooLarge: true);
                }
                buffer.Write(chunk, 0, n);
            }
            return declared > limit ? new Result(Prefix(buffer), TooLarge: true) : new Result(buffer.ToArray(), TooLarge: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static byte[] Prefix(MemoryStream buffer) => buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, LineReader.PrefixBytes)).ToArray();
}
