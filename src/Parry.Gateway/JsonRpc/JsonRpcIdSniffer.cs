using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>
/// Finds the id in the first bytes of a message too large to keep, so the sender still gets an answer it can pair
/// with its request. Gives up (no id) when the id comes after the kept prefix.
/// </summary>
internal static class JsonRpcIdSniffer
{
    public static bool TryFindId(ReadOnlySpan<byte> prefix, out Slice id)
    {
        id = default;
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
                {
                    if (!reader.Read())
                        return false;
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                        return false;
                    id = new Slice((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // The prefix is not JSON: there is no id to answer to.
        }
        return false;
    }
}
