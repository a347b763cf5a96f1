namespace Parry.Ingest.Syslog.Programs;

/// <summary>Span helpers shared by the program parsers.</summary>
internal static class MessageText
{
    /// <summary>Splits "… ADDRESS port N[rest]": the text before the address, the address, the port, the rest.</summary>
    public static bool TrySplitAddressPort(
        ReadOnlySpan<char> text, out ReadOnlySpan<char> before, out ReadOnlySpan<char> address, out ReadOnlySpan<char> port,
        out ReadOnlySpan<char> rest)
    {
        before = address = port = rest = default;
        var at = text.IndexOf(" port ");
        if (at < 0)
            return false;
        var head = text[..at];
        var space = head.LastIndexOf(' ');
        address = space < 0 ? head : head[(space + 1)..];
        before = space < 0 ? [] : head[..space];
        var tail = text[(at + 6)..];
        var digits = 0;
        while (digits < tail.Length && char.IsAsciiDigit(tail[digits]))
            digits++;
        if (digits == 0 || !LooksLikeAddress(address))
            return false;
        port = tail[..digits];
        rest = tail[digits..];
        return true;
    }

    /// <summary>An IPv4 or IPv6 address by its characters (cheap: no parse, no allocation).</summary>
    public static bool LooksLikeAddress(ReadOnlySpan<char> s)
    {
        if (s.Length is < 2 or > 45)
            return false;
        var dots = 0;
        var colons = 0;
        foreach (var c in s)
        {
            if (c == '.')
                dots++;
            else if (c == ':')
                colons++;
            else if (!char.IsAsciiHexDigit(c) && c != '%')
                return false;
        }
        return dots == 3 || colons >= 2;
    }

    /// <summary>Removes a trailing " [preauth]" and says whether it was there.</summary>
    public static ReadOnlySpan<char> TrimPreauth(ReadOnlySpan<char> text, out bool preauth)
    {
        preauth = text.EndsWith(" [preauth]");
        return preauth ? text[..^10] : text;
    }

    /// <summary>Takes a leading qualifier such as "invalid user " and reports which one it was.</summary>
    public static ReadOnlySpan<char> TakePrefix(ReadOnlySpan<char> text, string prefix, out bool had)
    {
        had = text.StartsWith(prefix);
        return had ? text[prefix.Length..] : text;
    }

    /// <summary>"name(uid=1000)" → "name".</summary>
    public static ReadOnlySpan<char> WithoutUid(ReadOnlySpan<char> text)
    {
        var open = text.IndexOf('(');
        return open >= 0 ? text[..open] : text;
    }
}
