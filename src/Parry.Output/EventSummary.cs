using System.Text;
using System.Text.Json;
using Parry.Core.Events;

namespace Parry.Output;

/// <summary>
/// A one-line, human summary of an event for timelines: the payload fields as <c>name=value</c> pairs — the
/// EventData (or UserData) of a Windows event, the top-level fields of anything else — cut to a length.
/// </summary>
/// <remarks>Built from the event's JSON, so it costs a serialisation; it runs per detection, not per event.</remarks>
public static class EventSummary
{
    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
        { "RuleName", "UtcTime", "ProcessGuid", "ParentProcessGuid", "LogonGuid", "#attributes", "xmlns" };

    public static string Of(Event e, int maxLength = 400)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            e.WriteJson(writer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        var payload = Payload(document.RootElement);
        var text = new StringBuilder();
        Append(payload, "", text, maxLength);
        return text.Length > maxLength ? text.ToString(0, maxLength - 1) + "…" : text.ToString();
    }

    private static JsonElement Payload(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Event", out var evt) && evt.ValueKind == JsonValueKind.Object)
        {
            if (evt.TryGetProperty("EventData", out var data) && data.ValueKind == JsonValueKind.Object)
                return data;
            if (evt.TryGetProperty("UserData", out var user) && user.ValueKind == JsonValueKind.Object)
            {
                foreach (var wrapper in user.EnumerateObject())
                    return wrapper.Value;
            }
        }
        return root;
    }

    private static void Append(JsonElement element, string prefix, StringBuilder text, int maxLength)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            text.Append(element.ToString());
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (text.Length > maxLength)
                return;
            if (Skip.Contains(property.Name))
                continue;
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Append(property.Value, name, text, maxLength);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    if (string.IsNullOrEmpty(value) || value == "-")
                        break;
                    if (text.Length > 0)
                        text.Append(' ');
                    text.Append(name).Append('=').Append(value.ReplaceLineEndings(" "));
                    break;
            }
        }
    }
}
