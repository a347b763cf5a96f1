using System.Text;

namespace Parry.Ingest.Traces.Reading;

/// <summary>Content tests for format probes over the head of a file.</summary>
internal static class TraceProbe
{
    public static bool Contains(ReadOnlySpan<byte> head, string marker) => head.IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;

    /// <summary>The first byte that is not white space (or a UTF-8 byte-order mark), or 0.</summary>
    public static byte FirstSignificant(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        foreach (var b in head)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return b;
        }
        return 0;
    }
}
