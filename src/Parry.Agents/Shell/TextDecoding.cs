using System.Text;

namespace Parry.Agents.Shell;

/// <summary>Decoding of the encodings attackers wrap commands in; null when the text is not what it claims to be.</summary>
internal static class TextDecoding
{
    private const int MaxEncodedChars = 256 * 1024;

    /// <summary>A PowerShell <c>-EncodedCommand</c> value: base64 of UTF-16LE text.</summary>
    public static string? FromPowerShellBase64(string value)
    {
        var bytes = Base64Bytes(value);
        if (bytes is null || bytes.Length < 2)
            return null;
        var text = bytes.Length % 2 == 0 ? Encoding.Unicode.GetString(bytes) : null;
        if (text is not null && IsText(text))
            return text;
        var utf8 = Encoding.UTF8.GetString(bytes);
        return IsText(utf8) ? utf8 : null;
    }

    /// <summary>Base64 (standard or URL alphabet, padding optional) of UTF-8 text.</summary>
    public static string? FromBase64(string value)
    {
        var bytes = Base64Bytes(value);
        if (bytes is null || bytes.Length == 0)
            return null;
        var text = Encoding.UTF8.GetString(bytes);
        return IsText(text) ? text : null;
    }

    public static string? FromHex(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length == 0 || compact.Length % 2 != 0 || compact.Length > MaxEncodedChars)
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromHexString(compact));
            return IsText(text) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[]? Base64Bytes(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'');
        if (trimmed.Length == 0 || trimmed.Length > MaxEncodedChars)
            return null;
        var normalised = new StringBuilder(trimmed.Length + 3);
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
                continue;
            normalised.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }
        while (normalised.Length % 4 != 0)
            normalised.Append('=');
        var buffer = new byte[normalised.Length / 4 * 3];
        return Convert.TryFromBase64String(normalised.ToString(), buffer, out var written) ? buffer[..written] : null;
    }

    // Decoded commands are text: mostly printable, no control characters other than white space.
    private static bool IsText(string text)
    {
        if (text.Length == 0)
            return false;
        var bad = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                bad++;
            else if (c == '\uFFFD')
                bad++;
        }
        return bad * 20 <= text.Length;
    }
}
