namespace Parry.Gateway.Inspection;

/// <summary>
/// The outcome of a forwarded tools/call. <see cref="ContentSummary"/> is short (content types and the start of the
/// text), never the whole result; <see cref="ErrorMessage"/> is the JSON-RPC error's message or the gateway's reason.
/// </summary>
public sealed record ToolCallResult(
    string CallId,
    ToolCallStatus Status,
    bool IsError,
    string? ContentSummary,
    string? ErrorMessage,
    DateTimeOffset CompletedAt,
    TimeSpan Duration);
