using System.Globalization;
using System.Text.Json;

namespace Parry.Ingest.Traces.Reading;

/// <summary>Reading the loosely-shaped JSON of trace records: the first of several property names, text of any
/// scalar, times in the forms traces use.</summary>
internal static class TraceJson
{
    /// <summary><see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> that is false, not an exception, on
    /// anything but an object: trace records are not always the shape they should be.</summary>
    public static bool Has(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
            return element.TryGetProperty(name, out value);
        value = default;
        return false;
    }

    public static bool TryGet(JsonElement element, out JsonElement value, params ReadOnlySpan<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in names)
            {
                if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
                    return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The text of the first of <paramref name="names"/> that is a scalar (numbers as written).</summary>
    public static string? Text(JsonElement element, params ReadOnlySpan<string> names) =>
        TryGet(element, out var value, names) ? ScalarText(value) : null;

    public static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    public static DateTimeOffset? Time(JsonElement element, params ReadOnlySpan<string> names) =>
        TryGet(element, out var value, names) ? ParseTime(value) : null;

    /// <summary>ISO 8601 / RFC 3339 text, or a number of seconds, milliseconds, microseconds or nanoseconds since
    /// the epoch (told apart by size), as a number or a string of digits.</summary>
    public static DateTimeOffset? ParseTime(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var number):
                return FromEpoch(number);
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.')
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
                    return FromEpoch(epoch);
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                    ? time
                    : null;
            default:
                return null;
        }
    }

    private static DateTimeOffset? FromEpoch(double number)
    {
        if (number <= 0 || double.IsNaN(number) || double.IsInfinity(number))
            return null;
        // Seconds until the year 5138, then milliseconds, microseconds, nanoseconds.
        var seconds = number < 1e11 ? number : number < 1e14 ? number / 1e3 : number < 1e17 ? number / 1e6 : number / 1e9;
        if (seconds > 253402300799)
            return null;
        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>A JSON-RPC id (string or number) as text, or null.</summary>
    public static string? Id(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var id) ? ScalarText(id) : null;

    /// <summary>Arguments given as a JSON string (as models emit them) parsed into an element; the string itself
    /// when it does not parse, so nothing the agent sent is lost.</summary>
    public static JsonElement Arguments(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            return value.Clone();
        var text = value.GetString() ?? "";
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // not JSON after all: keep the text
            }
        }
        return value.Clone();
    }
}
