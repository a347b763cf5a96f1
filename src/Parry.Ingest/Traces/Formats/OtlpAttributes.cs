using System.Text.Json;
using Parry.Ingest.Traces.Reading;

using static Parry.Ingest.Traces.Reading.TraceJson;

namespace Parry.Ingest.Traces.Formats;

/// <summary>OTLP JSON attribute lists (<c>[{"key": …, "value": {"stringValue": …}}]</c>) and their AnyValue
/// encoding.</summary>
internal static class OtlpAttributes
{
    /// <summary>The attribute as a plain JSON value: strings, numbers (<c>intValue</c> may be a string), booleans,
    /// arrays and key-value lists (as objects); undefined when absent.</summary>
    public static JsonElement Value(JsonElement attributes, string key)
    {
        if (attributes.ValueKind != JsonValueKind.Array)
            return default;
        foreach (var attribute in attributes.EnumerateArray())
        {
            if (attribute.ValueKind == JsonValueKind.Object && TraceJson.Text(attribute, "key") == key && Has(attribute, "value", out var value))
                return Plain(value, 0);
        }
        return default;
    }

    public static string? Text(JsonElement attributes, string key)
    {
        var value = Value(attributes, key);
        return value.ValueKind == JsonValueKind.Undefined ? null : TraceJson.ScalarText(value);
    }

    private static JsonElement Plain(JsonElement anyValue, int depth)
    {
        if (anyValue.ValueKind != JsonValueKind.Object || depth > 32)
            return default;
        if (Has(anyValue, "stringValue", out var s))
            return s.Clone();
        if (Has(anyValue, "boolValue", out var b))
            return b.Clone();
        if (Has(anyValue, "doubleValue", out var d))
            return d.Clone();
        if (Has(anyValue, "intValue", out var i))
        {
            if (i.ValueKind == JsonValueKind.String && long.TryParse(i.GetString(), out var number))
                return Write(w => w.WriteNumberValue(number));
            return i.Clone();
        }
        if (Has(anyValue, "bytesValue", out var bytes))
            return bytes.Clone();
        if (Has(anyValue, "arrayValue", out var array))
        {
            return Write(w =>
            {
                w.WriteStartArray();
                if (Has(array, "values", out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in values.EnumerateArray())
                        WriteElement(w, Plain(item, depth + 1));
                }
                w.WriteEndArray();
            });
        }
        if (Has(anyValue, "kvlistValue", out var list))
        {
            return Write(w =>
            {
                w.WriteStartObject();
                if (Has(list, "values", out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    foreach (var pair in values.EnumerateArray())
                    {
                        if (TraceJson.Text(pair, "key") is not { } key)
                            continue;
                        w.WritePropertyName(key);
                        WriteElement(w, Has(pair, "value", out var v) ? Plain(v, depth + 1) : default);
                    }
                }
                w.WriteEndObject();
            });
        }
        return default;
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
            writer.WriteNullValue();
        else
            element.WriteTo(writer);
    }

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
