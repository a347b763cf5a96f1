using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>Reads <c>params.requestId</c> of a <c>notifications/cancelled</c>.</summary>
internal static class CancelledParams
{
    public static bool TryReadRequestId(ReadOnlySpan<byte> message, Slice parameters, out Slice requestId)
    {
        requestId = default;
        if (parameters.IsEmpty)
            return false;
        try
        {
            var reader = new Utf8JsonReader(parameters.Of(message));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("requestId"u8);
                reader.Read();
                if (isId && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    requestId = new Slice(parameters.Start + (int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    return true;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: the notification passes through as it came.
        }
        return false;
    }
}
