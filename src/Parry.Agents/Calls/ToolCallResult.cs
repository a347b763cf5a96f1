using System.Text;
using System.Text.Json;

namespace Parry.Agents.Calls;

/// <summary>
/// How a tool call ended: whether it was an error, and a text summary bounded to a few kilobytes
/// (<see cref="Truncated"/> when it was cut). Built from an MCP <c>CallToolResult</c>, a JSON-RPC error, or text.
/// </summary>
public sealed record ToolCallResult(bool IsError, string? Text, bool Truncated = false)
{
    public const int DefaultMaxChars = 4096;

    public static ToolCallResult FromText(bool isError, string? text, int maxChars = DefaultMaxChars)
    {
        if (text is null || text.Length <= maxChars)
            return new ToolCallResult(isError, text);
        return new ToolCallResult(isError, text[..maxChars], Truncated: true);
    }

    /// <summary>From an MCP <c>CallToolResult</c>: text blocks joined by new lines, other blocks named
    /// (<c>[image]</c>, <c>[resource uri]</c>), structured content as JSON when there are no blocks.</summary>
    public static ToolCallResult FromMcpResult(JsonElement result, int maxChars = DefaultMaxChars)
    {
        if (result.ValueKind != JsonValueKind.Object)
            return FromText(false, result.ValueKind == JsonValueKind.String ? result.GetString() : result.ValueKind == JsonValueKind.Undefined ? null : result.GetRawText(), maxChars);
        var isError = result.TryGetProperty("isError", out var flag) && flag.ValueKind == JsonValueKind.True;
        var text = new StringBuilder();
        if (result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                if (text.Length > maxChars)
                    break;
                if (text.Length > 0)
                    text.Append('\n');
                AppendBlock(block, text);
            }
        }
        if (text.Length == 0 && result.TryGetProperty("structuredContent", out var structured))
            text.Append(structured.GetRawText());
        return FromText(isError, text.Length == 0 ? null : text.ToString(), maxChars);
    }

    /// <summary>From a JSON-RPC error object: <c>code: message</c>.</summary>
    public static ToolCallResult FromJsonRpcError(JsonElement error, int maxChars = DefaultMaxChars)
    {
        var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) ? c.GetRawText() : null;
        var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : error.GetRawText();
        return FromText(true, code is null ? message : $"{code}: {message}", maxChars);
    }

    private static void AppendBlock(JsonElement block, StringBuilder text)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            text.Append(block.ValueKind == JsonValueKind.String ? block.GetString() : block.GetRawText());
            return;
        }
        var type = block.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "text" when block.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String:
                text.Append(value.GetString());
                break;
            case "resource" when block.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object:
                if (resource.TryGetProperty("text", out var body) && body.ValueKind == JsonValueKind.String)
                    text.Append(body.GetString());
                else
                    text.Append("[resource ").Append(resource.TryGetProperty("uri", out var u) ? u.GetString() : "").Append(']');
                break;
            case "resource_link":
                text.Append("[resource ").Append(block.TryGetProperty("uri", out var uri) ? uri.GetString() : "").Append(']');
                break;
            default:
                text.Append('[').Append(type ?? "content").Append(']');
                break;
        }
    }
}
