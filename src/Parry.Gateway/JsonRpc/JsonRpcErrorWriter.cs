using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>Writes the gateway's own JSON-RPC messages: error responses and the cancellation it sends upstream.</summary>
internal static class JsonRpcErrorWriter
{
    // Not HTML: quotes and apostrophes in reasons stay readable (control characters are still escaped).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An error response carrying <paramref name="rawId"/> exactly as the request had it (null when empty).</summary>
    public static byte[] Error(ReadOnlySpan<byte> rawId, int code, string message, Action<Utf8JsonWriter>? data = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WritePropertyName("id"u8);
            if (rawId.IsEmpty)
                writer.WriteNullValue();
            else
                writer.WriteRawValue(rawId, skipInputValidation: true);
            writer.WriteStartObject("error"u8);
            writer.WriteNumber("code"u8, code);
            writer.WriteString("message"u8, message);
            if (data is not null)
            {
                writer.WritePropertyName("data"u8);
                data(writer);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>notifications/cancelled</c> the gateway sends when it gives up waiting for a forwarded call.</summary>
    public static byte[] Cancelled(ReadOnlySpan<byte> rawId, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteString("method"u8, "notifications/cancelled"u8);
            writer.WriteStartObject("params"u8);
            writer.WritePropertyName("requestId"u8);
            writer.WriteRawValue(rawId, skipInputValidation: true);
            writer.WriteString("reason"u8, reason);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
