using System.Globalization;

namespace Parry.Ingest.Time;

/// <summary>
/// Strict, allocation-free parsing of the timestamps logs carry: ISO 8601 / RFC 3339 (<c>2024-05-01T12:00:00.123Z</c>,
/// a space instead of <c>T</c>, offsets <c>+02:00</c> / <c>+0200</c>, no offset meaning UTC, a date alone meaning its
/// midnight UTC) and Unix epoch numbers. Anything else is rejected rather than guessed: a time of day alone is not a
/// time.
/// </summary>
internal static class TimestampText
{
    // Other whole date-and-time forms seen in logs, tried (slowly) only after ISO 8601 and epoch numbers fail.
    private static readonly string[] OtherForms =
    [
        "r",                                // RFC 1123: Tue, 10 Oct 2000 13:55:36 GMT
        "ddd, d MMM yyyy HH:mm:ss zzz",      // RFC 2822 with a numeric offset
        "ddd, d MMM yyyy HH:mm:ss 'GMT'zzz",
        "dd/MMM/yyyy:HH:mm:ss zzz",          // Common Log Format
        "ddd MMM d HH:mm:ss yyyy",           // ctime / asctime
        "ddd MMM d HH:mm:ss 'UTC' yyyy",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy/MM/dd HH:mm:ss.FFFFFFF",
        "MM/dd/yyyy HH:mm:ss",
        "MM/dd/yyyy hh:mm:ss tt",            // Windows "5/1/2024 1:00:00 PM" (with one-digit forms below)
        "M/d/yyyy h:mm:ss tt",
    ];

    /// <summary>An ISO 8601 text, a number of epoch seconds / milliseconds / microseconds / nanoseconds, or one of a
    /// few other complete date-and-time forms (RFC 1123/2822, Common Log Format, ctime, slashed dates). Forms without
    /// an offset are UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (TryParseIso8601(text, out value))
            return true;
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-')
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number))
            return TryFromEpoch(number, out value);
        return DateTimeOffset.TryParseExact(text, OtherForms, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Epoch time, its unit told by its size: below 1e11 seconds (until the year 5138), below 1e14
    /// milliseconds, below 1e17 microseconds, otherwise nanoseconds.</summary>
    public static bool TryFromEpoch(double number, out DateTimeOffset value)
    {
        value = default;
        if (!double.IsFinite(number))
            return false;
        var magnitude = Math.Abs(number);
        var ticksPerUnit = magnitude < 1e11 ? TimeSpan.TicksPerSecond
            : magnitude < 1e14 ? TimeSpan.TicksPerMillisecond
            : magnitude < 1e17 ? TimeSpan.TicksPerMicrosecond
            : 0.01; // nanoseconds: 100 per tick
        var ticks = number * ticksPerUnit;
        var min = (double)(DateTimeOffset.MinValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var max = (double)(DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        if (ticks < min || ticks > max)
            return false;
        value = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(ticks));
        return true;
    }

    public static bool TryParseIso8601(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 10 || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month)
            || s[7] != '-' || !Digits(s, 8, 2, out var day))
            return false;
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var offset = TimeSpan.Zero;
        var i = 10;
        if (i < s.Length)
        {
            if (s[i] is not ('T' or 't' or ' ') || s.Length < i + 6 || !Digits(s, i + 1, 2, out hour) || s[i + 3] != ':'
                || !Digits(s, i + 4, 2, out minute))
                return false;
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                    return false;
                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var start = i;
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
                    if (i == start)
                        return false;
                }
            }
            if (hour > 23 || minute > 59 || second > 60)
                return false;
            if (second == 60)
                second = 59; // a leap second: keep the record, a second early
            if (i < s.Length && !TryParseOffset(s[i..], out offset))
                return false;
        }
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fraction);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is "Z" or "z")
            return true;
        if (s.Length < 3 || s[0] is not ('+' or '-') || !Digits(s, 1, 2, out var hours))
            return false;
        var minutes = 0;
        if (s.Length == 6 && s[3] == ':')
        {
            if (!Digits(s, 4, 2, out minutes))
                return false;
        }
        else if (s.Length == 5)
        {
            if (!Digits(s, 3, 2, out minutes))
                return false;
        }
        else if (s.Length != 3)
        {
            return false;
        }
        if (hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
            offset = -offset;
        return true;
    }

    internal static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > s.Length)
            return false;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
