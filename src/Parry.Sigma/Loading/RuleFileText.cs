using System.Buffers;
using System.Text;

namespace Parry.Sigma.Loading;

/// <summary>
/// Reads a rule file's text as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte-order mark says
/// UTF-16 or UTF-32; invalid bytes become U+FFFD), but through one pooled byte buffer and one decode into the string:
/// a hunt reads thousands of small rule files, and the stream reader's buffers and string builder per file were
/// about 45 MB of the 59 MB its reading allocated for all SigmaHQ rules.
/// </summary>
public static class RuleFileText
{
    public static string Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        // One byte more than the length, so a file that grew since is noticed and read to its end.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(length + 1, 256), Array.MaxLength));
        try
        {
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0)
                    break;
                read += n;
            }
            return Decode(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The text of a file's bytes, with <see cref="StreamReader"/>'s byte-order-mark detection.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2)
        {
            if (bytes[0] == 0xFE && bytes[1] == 0xFF)
                return Encoding.BigEndianUnicode.GetString(bytes[2..]);
            if (bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return bytes.Length >= 4 && bytes[2] == 0 && bytes[3] == 0
                    ? Encoding.UTF32.GetString(bytes[4..])
                    : Encoding.Unicode.GetString(bytes[2..]);
            }
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                return Encoding.UTF8.GetString(bytes[3..]);
            if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
                return new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetString(bytes[4..]);
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
