using Parry.Ingest.Time;

namespace Parry.Ingest.Web;

/// <summary>
/// Parses Apache/Nginx access-log lines by hand over spans (no regular expression on the hot path):
/// <c>[vhost[:port] ]host ident user [dd/Mon/yyyy:HH:MM:SS ±zzzz] "request" status bytes["referer" "agent"][ extra]</c>.
/// Tolerates <c>-</c> for missing values, escaped quotes inside quoted parts, IPv6 clients, and anything after the
/// combined fields (response times, forwarded-for).
/// </summary>
internal static class AccessLogParser
{
    public static bool TryParse(ReadOnlySpan<char> line, out AccessLogLine result)
    {
        result = default;
        var open = line.IndexOf(" [");
        if (open <= 0)
            return false;
        if (!SplitPrefix(line[..open], ref result))
            return false;
        var rest = line[(open + 2)..];
        var close = rest.IndexOf(']');
        if (close < 0 || !TryParseTime(rest[..close], out result.Time))
            return false;
        rest = rest[(close + 1)..];
        if (!rest.StartsWith(" \"") || !TakeQuoted(ref rest, out result.Request))
            return false;
        if (!TakeToken(ref rest, out result.Status) || !IsStatus(result.Status))
            return false;
        if (!TakeToken(ref rest, out result.Bytes) || !IsBytes(result.Bytes))
            return false;
        if (rest.StartsWith(" \"") && TakeQuoted(ref rest, out result.Referer) && rest.StartsWith(" \""))
        {
            if (!TakeQuoted(ref rest, out result.UserAgent))
                return false;
            result.Combined = true;
        }
        else if (!result.Referer.IsEmpty)
        {
            return false; // a referer without a user agent is not a format we know
        }
        result.Extra = rest.Trim();
        return true;
    }

    // "host ident user" or "vhost[:port] host ident user"
    private static bool SplitPrefix(ReadOnlySpan<char> prefix, ref AccessLogLine result)
    {
        Span<Range> parts = stackalloc Range[5];
        var count = prefix.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count == 3)
        {
            result.Client = prefix[parts[0]];
            result.Ident = prefix[parts[1]];
            result.User = prefix[parts[2]];
        }
        else if (count == 4)
        {
            result.VirtualHost = prefix[parts[0]];
            result.Client = prefix[parts[1]];
            result.Ident = prefix[parts[2]];
            result.User = prefix[parts[3]];
        }
        else
        {
            return false;
        }
        return IsClient(result.Client);
    }

    // 10/Oct/2000:13:55:36 -0700 (a fraction of a second is accepted after the seconds)
    internal static bool TryParseTime(ReadOnlySpan<char> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':'
            || !TimestampText.Digits(s, 0, 2, out var day) || !TimestampText.Digits(s, 7, 4, out var year)
            || !TimestampText.Digits(s, 12, 2, out var hour) || !TimestampText.Digits(s, 15, 2, out var minute)
            || !TimestampText.Digits(s, 18, 2, out var second))
            return false;
        var month = s.Slice(3, 3) switch
        {
            "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
            "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12,
            _ => 0,
        };
        var i = 20;
        long fraction = 0;
        if (s[i] == '.')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fraction += (s[i] - '0') * scale;
                }
                i++;
            }
        }
        if (s.Length != i + 6 || s[i] != ' ' || s[i + 1] is not ('+' or '-')
            || !TimestampText.Digits(s, i + 2, 2, out var offsetHours) || !TimestampText.Digits(s, i + 4, 2, out var offsetMinutes))
            return false;
        if (month == 0 || year is < 2 or > 9998 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
            || minute > 59 || second > 60 || offsetHours > 14 || offsetMinutes > 59)
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        time = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), s[i + 1] == '-' ? -offset : offset).AddTicks(fraction);
        return true;
    }

    // ' "…"' with \" and \\ escapes inside; leaves rest after the closing quote.
    private static bool TakeQuoted(scoped ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> value)
    {
        value = default;
        var body = rest[2..];
        var i = 0;
        while (true)
        {
            var stop = body[i..].IndexOfAny('"', '\\');
            if (stop < 0)
                return false;
            i += stop;
            if (body[i] == '"')
            {
                value = body[..i];
                rest = body[(i + 1)..];
                return true;
            }
            i += 2; // an escaped character
            if (i >= body.Length)
                return false;
        }
    }

    private static bool TakeToken(scoped ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        token = default;
        if (rest.Length < 2 || rest[0] != ' ')
            return false;
        var body = rest[1..];
        var end = body.IndexOf(' ');
        token = end < 0 ? body : body[..end];
        rest = end < 0 ? [] : body[end..];
        return !token.IsEmpty;
    }

    private static bool IsStatus(ReadOnlySpan<char> s) =>
        s is "-" || (s.Length == 3 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]));

    private static bool IsBytes(ReadOnlySpan<char> s) => s is "-" || (s.Length <= 18 && !s.ContainsAnyExceptInRange('0', '9'));

    // An address (IPv4, IPv6) or a host name: no quotes, brackets or control characters.
    private static bool IsClient(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is '"' or '[' or ']' or '/' || char.IsControl(c))
                return false;
        }
        return true;
    }
}
