using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Parry.Agents.Targets;

/// <summary>Parsing of the ways a target is written: addresses, networks, host names, <c>host:port</c>, URLs.</summary>
public static class TargetParser
{
    // Country codes that are also common file extensions (setup.py, run.sh, Makefile.am …): a bare word ending in one
    // is a host only where a host is expected.
    private static readonly FrozenSet<string> FileExtensionTlds =
        "py sh pl md rs so cc in am ac ps pm mk ml mo tf".Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // Country-code TLDs, generic TLDs commonly seen, and the special-use and internal suffixes classified elsewhere.
    private static readonly FrozenSet<string> Tlds = (
        "ad ae af ag ai al ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cd cf cg " +
        "ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf " +
        "gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im io iq ir is it je jm jo jp ke kg kh ki " +
        "km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mm mn mp mq mr ms mt mu mv mw mx my mz " +
        "na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pn pr pt pw qa re ro ru rw sa sb sc sd se sg si sk sl " +
        "sm sn sr ss st sv sx sy sz tc td tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu " +
        "wf ws ye yt za zm zw su " +
        // Generic TLDs that are also everyday words (name, email, host, server, link …) are left out: config keys such
        // as user.name and db.host are far more common in command lines than hosts under them.
        "com net org edu gov mil int info biz pro aero coop museum mobi jobs travel tel asia arpa app dev cloud " +
        "xyz io ai gg me tv ly onion " +
        "local internal lan corp home intranet private localdomain lab htb thm priv intra domain localhost example test invalid")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Except(FileExtensionTlds).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A strict dotted quad (four decimal parts 0–255); <c>1.2</c> or <c>1.2.3.4.5</c> are not addresses.</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Length is < 7 or > 15)
            return false;
        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        var value = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255)
                    return false;
            }
            else if (c == '.' && value >= 0 && part < 3)
            {
                bytes[part++] = (byte)value;
                value = -1;
            }
            else
            {
                return false;
            }
        }
        if (part != 3 || value < 0)
            return false;
        bytes[3] = (byte)value;
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>An IPv4 dotted quad or an IPv6 address (optionally in brackets, optionally with a zone).</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, out IPAddress address)
    {
        if (TryParseIPv4(text, out address))
            return true;
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
            text = text[1..^1];
        if (text.Length < 2 || text.Count(':') < 2 || text.Length > 64)
            return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.' or '%' || char.IsAsciiLetterOrDigit(c)))
                return false;
        }
        var zone = text.IndexOf('%');
        var core = zone >= 0 ? text[..zone] : text;
        foreach (var c in core)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
                return false;
        }
        if (IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address = parsed;
            return true;
        }
        return false;
    }

    /// <summary><c>10.0.0.0/8</c>, <c>2001:db8::/32</c>.</summary>
    public static bool TryParseCidr(ReadOnlySpan<char> text, out IPAddress network, out int prefixLength)
    {
        network = IPAddress.None;
        prefixLength = 0;
        var slash = text.IndexOf('/');
        if (slash <= 0 || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength))
            return false;
        if (!TryParseAddress(text[..slash], out network))
            return false;
        var max = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return prefixLength >= 0 && prefixLength <= max;
    }

    /// <summary>
    /// A DNS host name of at least two labels whose last label is a known TLD or internal suffix (so
    /// <c>marshmallow.fields</c> is not a host). Where a host is expected (<paramref name="expected"/>),
    /// names ending in file-extension-like country codes count too, and <c>localhost</c>.
    /// </summary>
    public static bool IsHostName(ReadOnlySpan<char> text, bool expected)
    {
        text = text.TrimEnd('.');
        if (text.Length is 0 or > 253)
            return false;
        if (text.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        var lastDot = text.LastIndexOf('.');
        if (lastDot <= 0)
            return false;
        var labelStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                var c = text[i];
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                    return false;
                continue;
            }
            var length = i - labelStart;
            if (length is 0 or > 63 || text[labelStart] == '-' || text[i - 1] == '-')
                return false;
            labelStart = i + 1;
        }
        Span<char> tld = stackalloc char[Math.Min(63, text.Length - lastDot - 1)];
        if (text[(lastDot + 1)..].Length > 63)
            return false;
        text[(lastDot + 1)..].ToLowerInvariant(tld);
        var lookup = Tlds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(tld))
            return true;
        return expected && FileExtensionTlds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tld);
    }

    /// <summary><c>host:port</c>, <c>1.2.3.4:80</c>, <c>[2001:db8::1]:443</c>.</summary>
    public static bool TrySplitHostPort(string text, out string host, out int port)
    {
        host = text;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        if (!TryParsePort(text.AsSpan(colon + 1), out port))
            return false;
        host = text[..colon];
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
            host = host[1..^1];
        else if (host.Contains(':'))
            return false;
        return host.Length > 0;
    }

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary>
    /// A port list as scanners take it: <c>22,80,443</c>, <c>1-1024</c>, <c>T:80,U:53</c>, <c>-</c> (every port).
    /// Single ports come out as numbers, ranges as <c>low-high</c>; at most <paramref name="max"/> items.
    /// </summary>
    public static List<string> ParsePorts(string text, int max = 64)
    {
        var ports = new List<string>();
        if (text is "-" or "*" or "all")
        {
            ports.Add("1-65535");
            return ports;
        }
        foreach (var rawItem in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ports.Count >= max)
                break;
            var item = rawItem;
            var colon = item.IndexOf(':');
            if (colon is 1 && char.IsAsciiLetter(item[0]))
                item = item[2..];
            var dash = item.IndexOf('-');
            if (dash < 0)
            {
                if (TryParsePort(item, out var port))
                    ports.Add(port.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var low = dash == 0 ? 1 : TryParsePort(item.AsSpan(0, dash), out var l) ? l : -1;
            var high = dash == item.Length - 1 ? 65535 : TryParsePort(item.AsSpan(dash + 1), out var h) ? h : -1;
            if (low > 0 && high >= low)
                ports.Add(low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low}-{high}");
        }
        return ports;
    }
}
