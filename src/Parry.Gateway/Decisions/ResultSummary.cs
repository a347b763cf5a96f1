using System.Text;
using System.Text.Json;
using Parry.Gateway.Audit;
using Parry.Gateway.Inspection;
using Parry.Gateway.JsonRpc;

namespace Parry.Gateway.Decisions;

/// <summary>Reads a tools/call response into a <see cref="ToolCallResult"/>: status, isError and a short, redacted summary.</summary>
internal static class ResultSummary
{
    private const int MaxSummary = 240;

    public static (ToolCallStatus Status, bool IsError, string? Summary, string? Error) Read(ReadOnlySpan<byte> message, JsonRpcMessage index)
    {
        try
        {
            if (!index.Error.IsEmpty)
            {
                using var error = JsonDocument.Parse(index.Error.Of(message).ToArray());
                var text = error.RootElement.ValueKind == JsonValueKind.Object && error.RootElement.TryGetProperty("message", out var m)
                    && m.ValueKind == JsonValueKind.String ? m.GetString() : error.RootElement.GetRawText();
                return (ToolCallStatus.RpcError, true, null, Clip(SecretRedactor.RedactText(text ?? "")));
            }
            using var result = JsonDocument.Parse(index.Result.Of(message).ToArray());
            var root = result.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (ToolCallStatus.Ok, false, null, null);
            if (root.TryGetProperty("task", out _) && !root.TryGetProperty("content", out _))
                return (ToolCallStatus.TaskCreated, false, "task created", null);
            var isError = root.TryGetProperty("isError", out var flag) && flag.ValueKind == JsonValueKind.True;
            return (isError ? ToolCallStatus.ToolError : ToolCallStatus.Ok, isError, Summarise(root), null);
        }
        catch (JsonException e)
        {
            return (ToolCallStatus.RpcError, true, null, "unreadable response: " + e.Message);
        }
    }

    private static string? Summarise(JsonElement result)
    {
        if (!result.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
            return null;
        var summary = new StringBuilder();
        foreach (var item in content.EnumerateArray())
        {
            if (summary.Length >= MaxSummary)
                break;
            if (summary.Length > 0)
                summary.Append("; ");
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) ? t.GetString() : "?";
            summary.Append(type);
            if (type == "text" && item.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                summary.Append(": ").Append(Clip(text.GetString() ?? ""));
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("mimeType", out var mime))
                summary.Append('(').Append(mime.ToString()).Append(')');
        }
        return Clip(SecretRedactor.RedactText(summary.ToString()));
    }

    private static string Clip(string text) => text.Length <= MaxSummary ? text : text[..MaxSummary] + "…";
}
