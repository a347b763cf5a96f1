using System.Text;

namespace Parry.Sigma.Modifiers;

/// <summary>
/// The encoding modifiers work on bytes, but values stay strings: after <c>utf16*</c> a value's text holds one
/// char per byte (U+0000..U+00FF), the form a log shows when it renders raw UTF-16 as text, and the form
/// <c>base64</c> reads its bytes back from.
/// </summary>
internal static class ByteText
{
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            chars[i] = (char)bytes[i];
        return new string(chars);
    }

    public static byte[] ToBytes(string text, bool isByteText)
    {
        if (!isByteText)
            return Encoding.UTF8.GetBytes(text);
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }

    public static string Utf16Le(string text) => FromBytes(Encoding.Unicode.GetBytes(text));

    public static string Utf16Be(string text) => FromBytes(Encoding.BigEndianUnicode.GetBytes(text));
}
