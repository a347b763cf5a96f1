using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>
/// Indexes one JSON-RPC message with a single forward pass of <see cref="Utf8JsonReader"/> over the original bytes.
/// It is strict where a lenient reading would let a message mean one thing to Parry and another to the server:
/// duplicate members, a method or id of the wrong type, trailing data, and a missing <c>"jsonrpc":"2.0"</c> make the
/// message invalid.
/// </summary>
internal static class JsonRpcParser
{
    private const int MaxDepth = 128;

    public static JsonRpcMessage Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ParseCore(utf8);
        }
        catch (JsonException e)
        {
            return JsonRpcMessage.Invalid("not valid JSON: " + e.Message);
        }
    }

    private static JsonRpcMessage ParseCore(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
            return JsonRpcMessage.Invalid("empty message");
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Skip();
            return EnsureEnd(ref reader, new JsonRpcMessage(JsonRpcMessageKind.Batch, KnownMethod.None, default, default, default, default));
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            return JsonRpcMessage.Invalid("a JSON-RPC message must be a JSON object");

        var seen = Members.None;
        var method = KnownMethod.None;
        Slice id = default, parameters = default, result = default, error = default;
        var versionOk = false;
        string? problem = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Identify(ref reader);
            if (member != Members.None && (seen & member) != 0)
                problem ??= $"duplicate member '{reader.GetString()}'";
            seen |= member;
            reader.Read();
            switch (member)
            {
                case Members.JsonRpc:
                    versionOk = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
                    reader.Skip();
                    break;
                case Members.Id:
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null)
                        id = new Slice((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    else
                        problem ??= "id must be a string, a number or null";
                    reader.Skip();
                    break;
                case Members.Method:
                    if (reader.TokenType == JsonTokenType.String)
                        method = Classify(ref reader);
                    else
                        problem ??= "method must be a string";
                    reader.Skip();
                    break;
                case Members.Params:
                    parameters = SkipValue(ref reader);
                    break;
                case Members.Result:
                    result = SkipValue(ref reader);
                    break;
                case Members.Error:
                    error = SkipValue(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!versionOk)
            problem ??= "missing \"jsonrpc\": \"2.0\"";
        var idIsNull = !id.IsEmpty && utf8[id.Start] == (byte)'n';
        JsonRpcMessageKind kind;
        if ((seen & Members.Method) != 0)
        {
            if ((seen & (Members.Result | Members.Error)) != 0)
                problem ??= "a request cannot carry result or error";
            if (idIsNull)
                problem ??= "a request id must not be null";
            kind = (seen & Members.Id) != 0 ? JsonRpcMessageKind.Request : JsonRpcMessageKind.Notification;
        }
        else if ((seen & (Members.Result | Members.Error)) != 0)
        {
            if ((seen & Members.Result) != 0 && (seen & Members.Error) != 0)
                problem ??= "a response cannot carry both result and error";
            if ((seen & Members.Id) == 0)
                problem ??= "a response must carry an id";
            kind = JsonRpcMessageKind.Response;
        }
        else
        {
            problem ??= "neither a request, a notification nor a response";
            kind = JsonRpcMessageKind.Invalid;
        }

        var message = problem is null
            ? new JsonRpcMessage(kind, method, id, parameters, result, error)
            : JsonRpcMessage.Invalid(problem, idIsNull ? default : id);
        return EnsureEnd(ref reader, message);
    }

    private static JsonRpcMessage EnsureEnd(ref Utf8JsonReader reader, JsonRpcMessage message)
    {
        // Trailing whitespace is fine; a second value is not (the reader throws on it).
        if (reader.Read())
            return JsonRpcMessage.Invalid("trailing data after the message", message.Id);
        return message;
    }

    private static Slice SkipValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Slice(start, (int)reader.BytesConsumed - start);
    }

    private static Members Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("jsonrpc"u8)) return Members.JsonRpc;
        if (reader.ValueTextEquals("id"u8)) return Members.Id;
        if (reader.ValueTextEquals("method"u8)) return Members.Method;
        if (reader.ValueTextEquals("params"u8)) return Members.Params;
        if (reader.ValueTextEquals("result"u8)) return Members.Result;
        if (reader.ValueTextEquals("error"u8)) return Members.Error;
        return Members.None;
    }

    private static KnownMethod Classify(ref Utf8JsonReader reader)
    {
        // ValueTextEquals unescapes, so "tools\/call" is recognised as what the server will read.
        if (reader.ValueTextEquals("tools/call"u8)) return KnownMethod.ToolsCall;
        if (reader.ValueTextEquals("initialize"u8)) return KnownMethod.Initialize;
        if (reader.ValueTextEquals("notifications/cancelled"u8)) return KnownMethod.Cancelled;
        return KnownMethod.Other;
    }

    [Flags]
    private enum Members : byte
    {
        None = 0,
        JsonRpc = 1,
        Id = 2,
        Method = 4,
        Params = 8,
        Result = 16,
        Error = 32,
    }
}
