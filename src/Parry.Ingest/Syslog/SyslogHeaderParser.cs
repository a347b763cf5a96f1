using Parry.Ingest.Time;

namespace Parry.Ingest.Syslog;

/// <summary>Parses the header of one syslog line (see <see cref="SyslogHeader"/>) without allocating.</summary>
internal static class SyslogHeaderParser
{
    private const int MaxTagChars = 64;

    public static bool TryParse(ReadOnlySpan<char> line, out SyslogHeader header)
    {
        header = default;
        header.Priority = -1;
        var rest = line;
        if (rest.Length > 0 && rest[0] == '<')
        {
            var close = rest.IndexOf('>');
            if (close is < 2 or > 4 || !TimestampText.Digits(rest, 1, close - 1, out var pri) || pri > 191)
                return false;
            header.Priority = pri;
            rest = rest[(close + 1)..];
            if (rest.Length > 2 && char.IsAsciiDigit(rest[0]) && rest[1] == ' ')
            {
                header.Version = rest[0] - '0';
                return TryParse5424(rest[2..], ref header);
            }
        }
        if (!TryParseTime(ref rest, out var time))
            return false;
        header.Time = time.Full;
        header.Month = time.Month;
        header.Day = time.Day;
        header.Hour = time.Hour;
        header.Minute = time.Minute;
        header.Second = time.Second;
        header.FractionTicks = time.FractionTicks;
        return TryParseHostAndTag(rest, ref header);
    }

    // "Mmm dd hh:mm:ss[.ffffff] " or an RFC 3339 time followed by a space.
    private struct ParsedTime
    {
        public DateTimeOffset? Full;
        public int Month;
        public int Day;
        public int Hour;
        public int Minute;
        public int Second;
        public long FractionTicks;
    }

    private static bool TryParseTime(scoped ref ReadOnlySpan<char> rest, out ParsedTime header)
    {
        header = default;
        if (rest.Length >= 16 && char.IsAsciiDigit(rest[0]))
        {
            var space = rest.IndexOf(' ');
            if (space < 10 || !TimestampText.TryParseIso8601(rest[..space], out var time))
                return false;
            header.Full = time;
            rest = rest[(space + 1)..];
            return true;
        }
        if (rest.Length < 16 || rest[3] != ' ')
            return false;
        var month = MonthOf(rest[..3]);
        if (month == 0)
            return false;
        // The day is space-padded ("Mar  5") or not ("Mar 5").
        var i = 4;
        if (rest[i] == ' ')
            i++;
        var dayStart = i;
        while (i < rest.Length && char.IsAsciiDigit(rest[i]) && i - dayStart < 2)
            i++;
        if (i == dayStart || i >= rest.Length || rest[i] != ' ' || !TimestampText.Digits(rest, dayStart, i - dayStart, out var day) || day is < 1 or > 31)
            return false;
        i++;
        if (i + 8 > rest.Length || rest[i + 2] != ':' || rest[i + 5] != ':'
            || !TimestampText.Digits(rest, i, 2, out var hour) || !TimestampText.Digits(rest, i + 3, 2, out var minute)
            || !TimestampText.Digits(rest, i + 6, 2, out var second) || hour > 23 || minute > 59 || second > 60)
            return false;
        i += 8;
        long fraction = 0;
        if (i < rest.Length && rest[i] == '.')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fraction += (rest[i] - '0') * scale;
                }
                i++;
            }
            if (i == start)
                return false;
        }
        if (i >= rest.Length || rest[i] != ' ')
            return false;
        header.Month = month;
        header.Day = day;
        header.Hour = hour;
        header.Minute = minute;
        header.Second = Math.Min(second, 59);
        header.FractionTicks = fraction;
        rest = rest[(i + 1)..];
        return true;
    }

    // "host tag[pid]: message", "host tag: message", "host message", or (no host) "tag[pid]: message".
    private static bool TryParseHostAndTag(ReadOnlySpan<char> rest, ref SyslogHeader header)
    {
        rest = rest.TrimStart(' ');
        if (rest.IsEmpty)
            return false;
        var space = rest.IndexOf(' ');
        var first = space < 0 ? rest : rest[..space];
        if (!LooksLikeTag(first))
        {
            header.Host = first;
            rest = space < 0 ? [] : rest[(space + 1)..];
        }
        var tagEnd = rest.IndexOf(' ');
        var tag = tagEnd < 0 ? rest : rest[..tagEnd];
        if (LooksLikeTag(tag))
        {
            var colon = tag.Length - 1;
            var open = tag.IndexOf('[');
            if (open > 0 && tag[colon - 1] == ']')
            {
                header.Program = tag[..open];
                header.ProcessId = tag[(open + 1)..(colon - 1)];
            }
            else
            {
                header.Program = tag[..colon];
            }
            rest = tagEnd < 0 ? [] : rest[(tagEnd + 1)..];
        }
        header.Message = rest;
        return true;
    }

    // "prog:" or "prog[123]:", no longer than a tag can be.
    private static bool LooksLikeTag(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || token.Length > MaxTagChars || token[^1] != ':')
            return false;
        var open = token.IndexOf('[');
        if (open == 0)
            return false;
        if (open < 0)
            return token[..^1].IndexOfAny(':', ']') < 0;
        return token.Length >= open + 3 && token[^2] == ']' && token[(open + 1)..^2].IndexOfAny('[', ']') < 0;
    }

    // "TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]" with "-" for nil.
    private static bool TryParse5424(ReadOnlySpan<char> rest, ref SyslogHeader header)
    {
        if (!NextToken(ref rest, out var time))
            return false;
        if (!time.SequenceEqual("-"))
        {
            if (!TimestampText.TryParseIso8601(time, out var parsed))
                return false;
            header.Time = parsed;
        }
        if (!NextToken(ref rest, out var host) || !NextToken(ref rest, out var app) || !NextToken(ref rest, out var procId)
            || !NextToken(ref rest, out var msgId))
            return false;
        header.Host = Nil(host);
        header.Program = Nil(app);
        header.ProcessId = Nil(procId);
        header.MessageId = Nil(msgId);
        if (rest.IsEmpty)
            return false;
        if (rest[0] == '-')
        {
            rest = rest[1..];
        }
        else
        {
            var length = StructuredDataLength(rest);
            if (length <= 0)
                return false;
            header.StructuredData = rest[..length];
            rest = rest[length..];
        }
        if (!rest.IsEmpty)
        {
            if (rest[0] != ' ')
                return false;
            rest = rest[1..];
        }
        header.Message = rest.Length > 0 && rest[0] == '\uFEFF' ? rest[1..] : rest;
        return true;
    }

    private static ReadOnlySpan<char> Nil(ReadOnlySpan<char> value) => value.SequenceEqual("-") ? [] : value;

    private static bool NextToken(scoped ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            token = default;
            return false;
        }
        token = rest[..space];
        rest = rest[(space + 1)..];
        return true;
    }

    // Length of "[id k="v" …][id2 …]": quotes may hold '\"', '\\' and '\]'.
    internal static int StructuredDataLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] == '[')
        {
            i++;
            var inQuotes = false;
            while (true)
            {
                if (i >= s.Length)
                    return -1;
                var c = s[i];
                if (inQuotes)
                {
                    if (c == '\\')
                        i++;
                    else if (c == '"')
                        inQuotes = false;
                }
                else if (c == '"')
                {
                    inQuotes = true;
                }
                else if (c == ']')
                {
                    i++;
                    break;
                }
                i++;
            }
        }
        return i;
    }

    private static int MonthOf(ReadOnlySpan<char> name) => name switch
    {
        "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
        "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12,
        _ => 0,
    };
}
