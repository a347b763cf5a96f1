using System.Text.Json;

namespace Parry.Core.Events;

/// <summary>Writes an event's tree back out as JSON: objects, arrays and values as the record held them.</summary>
internal static class EventJsonWriter
{
    public static void Write(Event @event, Utf8JsonWriter writer)
    {
        if (@event.NodeCount == 0)
        {
            writer.WriteNullValue();
            return;
        }
        var end = WriteNode(@event, 0, writer);
        System.Diagnostics.Debug.Assert(end == @event.NodeCount);
    }

    // Writes node `index` and its subtree; returns the index after the subtree.
    private static int WriteNode(Event @event, int index, Utf8JsonWriter writer)
    {
        ref readonly var node = ref @event.Node(index);
        if (node.NameStart >= 0)
            writer.WritePropertyName(@event.NameOf(index));
        switch (node.Kind)
        {
            case ValueKind.Object:
            case ValueKind.Array:
                if (node.Kind == ValueKind.Object)
                    writer.WriteStartObject();
                else
                    writer.WriteStartArray();
                var child = index + 1;
                while (child < node.End)
                    child = WriteNode(@event, child, writer);
                if (node.Kind == ValueKind.Object)
                    writer.WriteEndObject();
                else
                    writer.WriteEndArray();
                return node.End;
            case ValueKind.Null:
                writer.WriteNullValue();
                break;
            case ValueKind.Boolean:
                writer.WriteBooleanValue(node.Bits != 0);
                break;
            case ValueKind.Integer:
            case ValueKind.Float:
                WriteNumber(@event.TextOf(index), writer);
                break;
            default:
                writer.WriteStringValue(@event.TextOf(index));
                break;
        }
        return index + 1;
    }

    // Numbers go out as written in the record; a double JSON cannot express (NaN, Infinity) goes out as a string.
    private static void WriteNumber(ReadOnlySpan<char> text, Utf8JsonWriter writer)
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (text.Length <= 32 && IsJsonNumber(text)
            && System.Text.Unicode.Utf8.FromUtf16(text, utf8, out _, out var written) == System.Buffers.OperationStatus.Done)
            writer.WriteRawValue(utf8[..written], skipInputValidation: true);
        else
            writer.WriteStringValue(text);
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
            i++;
        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            return false;
        if (s[i] == '0')
            i++;
        else
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
                return false;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
                return false;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        }
        return i == s.Length;
    }
}
