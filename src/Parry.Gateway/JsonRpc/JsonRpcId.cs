using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parry.Gateway.JsonRpc;

/// <summary>
/// A request id as a lookup key, so a response can be paired with its request whatever JSON type the id has
/// (<c>7</c> and <c>"7"</c> are different ids; <c>"a\u0062"</c> and <c>"ab"</c> are the same).
/// </summary>
internal static class JsonRpcId
{
    public static string Key(ReadOnlySpan<byte> rawId)
    {
        if (rawId.IsEmpty)
            return "";
        var reader = new Utf8JsonReader(rawId);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => "s:" + reader.GetString(),
            JsonTokenType.Number => "n:" + NormaliseNumber(rawId),
            _ => "null",
        };
    }

    /// <summary>The id as readable text for the audit log and diagnostics (strings unquoted).</summary>
    public static string Display(ReadOnlySpan<byte> rawId)
    {
        if (rawId.IsEmpty)
            return "";
        var reader = new Utf8JsonReader(rawId);
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : Encoding.UTF8.GetString(rawId);
    }

    private static string NormaliseNumber(ReadOnlySpan<byte> raw)
    {
        // Servers written in JavaScript echo 1.0 back as 1: compare numbers by value where that is exact.
        var text = Encoding.UTF8.GetString(raw);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : text;
    }
}
