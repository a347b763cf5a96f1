namespace Parry.Gateway.Framing;

/// <summary>
/// One server-sent event: its bytes exactly as received (to relay unchanged, blank line included) and its data lines
/// joined by newlines (the JSON-RPC message, if any). Both stay valid only until the next read.
/// </summary>
internal readonly record struct SseEvent(ReadOnlyMemory<byte> Raw, ReadOnlyMemory<byte> Data, bool HasData);
