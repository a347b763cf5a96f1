using System.Text.Json;

namespace Parry.Gateway.Inspection;

/// <summary>
/// One <c>tools/call</c> as the gateway saw it on the wire: what the lead's event adapter turns into a Parry event
/// (log source product <c>mcp</c>, category <c>tool_call</c>). <see cref="Arguments"/> is the unredacted argument
/// object (an empty object when the call had none); anything that stores it must redact it first
/// (<see cref="Audit.SecretRedactor"/>).
/// </summary>
public sealed record ToolCallRequest(
    string CallId,
    string SessionId,
    string Transport,
    string Server,
    string Tool,
    JsonElement Arguments,
    string RequestId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The client's self-description from its <c>initialize</c> request, when seen.</summary>
    public ClientIdentity Client { get; init; } = ClientIdentity.Unknown;

    /// <summary>The negotiated MCP protocol revision, when known (e.g. <c>2025-11-25</c>).</summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>True when the call asked the server to run it as a task (MCP 2025-11-25 <c>params.task</c>).</summary>
    public bool IsTask { get; init; }
}
