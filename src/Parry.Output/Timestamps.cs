using System.Globalization;

namespace Parry.Output;

/// <summary>How results write times: UTC, ISO 8601 with milliseconds and a Z, so text order is time order.</summary>
public static class Timestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
