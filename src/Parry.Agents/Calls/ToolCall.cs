using System.Text.Json;

namespace Parry.Agents.Calls;

/// <summary>
/// One tool call an agent made: which tool on which server, its arguments as JSON, the session and client it came
/// from, the JSON-RPC request id, when it started and ended, how it ended, and — read back from a gateway audit log —
/// what the gateway decided. Only <see cref="Tool"/> is required; recorded traces fill what they know.
/// </summary>
public sealed record ToolCall
{
    public required string Tool { get; init; }

    public string? Server { get; init; }

    /// <summary>The arguments as sent (normally an object). <c>default</c> (undefined) when the call had none. Must
    /// outlive the call's use: pass a cloned element (<see cref="JsonElement.Clone"/>) when the document is disposed.</summary>
    public JsonElement Arguments { get; init; }

    public string? Session { get; init; }

    public string? ClientName { get; init; }

    public string? ClientVersion { get; init; }

    /// <summary>The JSON-RPC id (or the model's tool-call id), as text.</summary>
    public string? RequestId { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Ended { get; init; }

    public ToolCallResult? Result { get; init; }

    public ToolCallDecision? Decision { get; init; }
}
