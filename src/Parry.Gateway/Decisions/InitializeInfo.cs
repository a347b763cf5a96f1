using System.Text.Json;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Decisions;

/// <summary>Reads who is talking from the initialize handshake (once per session, so plain JsonDocument is fine).</summary>
internal static class InitializeInfo
{
    public static void ReadRequest(ReadOnlySpan<byte> parameters, SessionState session)
    {
        if (parameters.IsEmpty)
            return;
        try
        {
            using var document = JsonDocument.Parse(parameters.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return;
            if (root.TryGetProperty("clientInfo", out var info) && info.ValueKind == JsonValueKind.Object)
                session.Client = new ClientIdentity(Text(info, "name") ?? "unknown", Text(info, "version"));
            session.ProtocolVersion = Text(root, "protocolVersion") ?? session.ProtocolVersion;
        }
        catch (JsonException)
        {
            // The server will reject a malformed initialize; there is nothing more to learn here.
        }
    }

    public static void ReadResult(ReadOnlySpan<byte> result, SessionState session)
    {
        if (result.IsEmpty)
            return;
        try
        {
            using var document = JsonDocument.Parse(result.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return;
            if (!session.ServerNameFixed && root.TryGetProperty("serverInfo", out var info) && info.ValueKind == JsonValueKind.Object
                && Text(info, "name") is { Length: > 0 } name)
                session.ServerName = name;
            session.ProtocolVersion = Text(root, "protocolVersion") ?? session.ProtocolVersion;
        }
        catch (JsonException)
        {
            // Leave the names as they were.
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
