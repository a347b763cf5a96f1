using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>The parts of a <c>tools/call</c> request's params that are judged: the tool's name and its arguments.</summary>
internal readonly record struct ToolCallParams(string Name, Slice Arguments, bool IsTask)
{
    /// <summary>
    /// Reads <c>params</c>. A missing or non-string name, arguments that are not an object, or duplicate members make
    /// the call malformed: the gateway denies rather than guess what the server will read.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> message, Slice parameters, out ToolCallParams result, out string problem)
    {
        result = default;
        if (parameters.IsEmpty)
        {
            problem = "tools/call without params";
            return false;
        }
        var span = parameters.Of(message);
        var reader = new Utf8JsonReader(span);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "tools/call params must be an object";
            return false;
        }
        string? name = null;
        Slice arguments = default;
        var isTask = false;
        bool sawName = false, sawArguments = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                if (sawName) { problem = "duplicate member 'name' in tools/call params"; return false; }
                sawName = true;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String) { problem = "tools/call name must be a string"; return false; }
                name = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                if (sawArguments) { problem = "duplicate member 'arguments' in tools/call params"; return false; }
                sawArguments = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                    continue;
                if (reader.TokenType != JsonTokenType.StartObject) { problem = "tools/call arguments must be an object"; return false; }
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                arguments = new Slice(parameters.Start + start, (int)reader.BytesConsumed - start);
            }
            else if (reader.ValueTextEquals("task"u8))
            {
                isTask = true;
                reader.Read();
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (name is null)
        {
            problem = "tools/call without a tool name";
            return false;
        }
        result = new ToolCallParams(name, arguments, isTask);
        problem = "";
        return true;
    }
}
