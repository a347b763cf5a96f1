using System.Text;
using System.Text.Json;
using Parry.Core.Events;

namespace Parry.TestSupport;

/// <summary>
/// Test-only conversion of JSON text into <see cref="Event"/>s through <see cref="EventBuilder"/>, for tests of the
/// layers above decoding. It is deliberately simple (whole documents in memory); the product's JSON decoder lives in
/// Parry.Ingest and has its own tests.
/// </summary>
public static class JsonEvents
{
    public static Event FromJson(string json, FieldTable fields, string path = "test.json", long record = 1, string sourceKind = "json")
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement, fields, path, record, sourceKind);
    }

    public static Event FromElement(JsonElement element, FieldTable fields, string path, long record, string sourceKind = "json")
    {
        var builder = new EventBuilder();
        Write(element, builder);
        return builder.Build(fields, new EventOrigin(path, record), sourceKind);
    }

    /// <summary>Reads a file of concatenated (pretty-printed) JSON objects, JSONL, or one array of objects.</summary>
    public static IReadOnlyList<Event> ReadFile(string file, FieldTable fields)
    {
        var bytes = File.ReadAllBytes(file);
        var events = new List<Event>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        long record = 0;
        // Read() steps onto each top-level value; TryParseValue alone stops after the first one.
        while (reader.Read())
        {
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in document.RootElement.EnumerateArray())
                        events.Add(FromElement(item, fields, file, ++record));
                }
                else
                {
                    events.Add(FromElement(document.RootElement, fields, file, ++record));
                }
            }
        }
        return events;
    }

    private static void Write(JsonElement element, EventBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.StartObject();
                foreach (var property in element.EnumerateObject())
                {
                    builder.PropertyName(property.Name);
                    Write(property.Value, builder);
                }
                builder.EndObject();
                break;
            case JsonValueKind.Array:
                builder.StartArray();
                foreach (var item in element.EnumerateArray())
                    Write(item, builder);
                builder.EndArray();
                break;
            case JsonValueKind.String:
                builder.String(element.GetString());
                break;
            case JsonValueKind.Number:
                builder.Number(element.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Boolean(true);
                break;
            case JsonValueKind.False:
                builder.Boolean(false);
                break;
            default:
                builder.Null();
                break;
        }
    }

    public static string ToJson(Event @event)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            @event.WriteJson(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
