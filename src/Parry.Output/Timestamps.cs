using System.Globalization;

namespace Parry.Output;

/// <summary>How results write times: UTC, ISO 8601 with milliseconds and a Z, so text order is time order.</summary>
public static class Timestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Characters of a time in <see cref="Format"/>.</summary>
    public const int TextLength = 24;

    public static string ToText(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A time as a JSON string property, in <see cref="Format"/>: written digit by digit, without the
    /// culture-aware custom-format machinery and the string <see cref="ToText"/> allocates (every detection line of
    /// a hunt has one).</summary>
    public static void WriteString(System.Text.Json.Utf8JsonWriter w, string name, DateTimeOffset time)
    {
        Span<byte> text = stackalloc byte[TextLength];
        Utf8(time, text);
        w.WriteString(name, text);
    }

    // "yyyy-MM-ddTHH:mm:ss.fffZ" of the UTC time; DateTime's year is 1 to 9999, always four digits here too.
    private static void Utf8(DateTimeOffset time, Span<byte> text)
    {
        var utc = time.UtcDateTime;
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = (byte)'Z';
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Campaign times of undated input (agent trajectories carry no times) are the zero time.</summary>
    public static bool IsUndated(DateTimeOffset time) => time.UtcTicks == 0;

    /// <summary>A campaign time as a JSON property: the text, or null when the input had no times.</summary>
    public static void Write(System.Text.Json.Utf8JsonWriter w, string name, DateTimeOffset time)
    {
        if (IsUndated(time))
            w.WriteNull(name);
        else
            WriteString(w, name, time);
    }
}
