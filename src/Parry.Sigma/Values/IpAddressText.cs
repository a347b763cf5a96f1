using System.Globalization;

namespace Parry.Sigma.Values;

/// <summary>
/// Reads an IPv4 or IPv6 address from text without allocating, as a 128-bit number: IPv4 in the low 32 bits with
/// <c>isV4</c> set. IPv4-mapped IPv6 (<c>::ffff:10.0.0.1</c>, as Windows logs often write) reads as IPv4; a zone
/// (<c>%eth0</c>) and surrounding brackets are ignored.
/// </summary>
internal static class IpAddressText
{
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address, out bool isV4)
    {
        address = 0;
        isV4 = false;
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
            text = text[1..^1];
        if (text.IndexOf(':') < 0)
        {
            isV4 = TryParseV4(text, out var v4);
            address = v4;
            return isV4;
        }
        var zone = text.IndexOf('%');
        if (zone >= 0)
            text = text[..zone];
        if (!TryParseV6(text, out address))
            return false;
        if (address >> 32 == 0xFFFF)
        {
            address &= 0xFFFF_FFFF;
            isV4 = true;
        }
        return true;
    }

    public static bool TryParseV4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.Length is 0 or > 3 || !IsDigits(part))
                return false;
            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
                return false;
            address = (address << 8) | (uint)value;
            octets++;
            if (dot < 0)
                break;
            if (octets == 4)
                return false;
            text = text[(dot + 1)..];
        }
        return octets == 4;
    }

    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = 0;
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount = 0, tailCount = 0;
        var gap = text.IndexOf("::");
        if (gap >= 0 && text[(gap + 2)..].IndexOf("::") >= 0)
            return false;
        var left = gap >= 0 ? text[..gap] : text;
        var right = gap >= 0 ? text[(gap + 2)..] : default;
        if (!Groups(left, head, ref headCount, allowV4: gap < 0))
            return false;
        if (gap >= 0 && !Groups(right, tail, ref tailCount, allowV4: true))
            return false;
        var total = headCount + tailCount;
        if (gap < 0 ? total != 8 : total > 7)
            return false;
        Span<ushort> words = stackalloc ushort[8];
        head[..headCount].CopyTo(words);
        tail[..tailCount].CopyTo(words[(8 - tailCount)..]);
        foreach (var word in words)
            address = (address << 16) | word;
        return true;
    }

    // Colon-separated hex groups; the last may be a dotted IPv4 address worth two groups.
    private static bool Groups(ReadOnlySpan<char> text, Span<ushort> into, ref int count, bool allowV4)
    {
        if (text.IsEmpty)
            return true;
        while (true)
        {
            var colon = text.IndexOf(':');
            var part = colon < 0 ? text : text[..colon];
            if (colon < 0 && allowV4 && part.IndexOf('.') >= 0)
            {
                if (count > 6 || !TryParseV4(part, out var v4))
                    return false;
                into[count++] = (ushort)(v4 >> 16);
                into[count++] = (ushort)v4;
                return true;
            }
            if (part.Length is 0 or > 4 || count == 8
                || !ushort.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
                return false;
            into[count++] = word;
            if (colon < 0)
                return true;
            text = text[(colon + 1)..];
        }
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
