using System.Globalization;

namespace Parry.Output;

/// <summary>How results write times: UTC, ISO 8601 with milliseconds and a Z, so text order is time order.</summary>
public static class Timestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Campaign times of undated input (agent trajectories carry no times) are the zero time.</summary>
    public static bool IsUndated(DateTimeOffset time) => time.UtcTicks == 0;

    /// <summary>A campaign time as a JSON property: the text, or null when the input had no times.</summary>
    public static void Write(System.Text.Json.Utf8JsonWriter w, string name, DateTimeOffset time)
    {
        if (IsUndated(time))
            w.WriteNull(name);
        else
            w.WriteString(name, ToText(time));
    }
}
