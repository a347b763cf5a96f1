using System.Buffers;
using System.Text;

namespace Parry.Ingest.Text;

/// <summary>Decodes UTF-8 lines into one reused, pooled character buffer; invalid bytes become U+FFFD so a line
/// with a stray byte is still read.</summary>
internal sealed class Utf8Decoder : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(1024);

    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _chars.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        return _chars.AsSpan(0, n);
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        if (chars.Length > 0)
            ArrayPool<char>.Shared.Return(chars);
    }
}
