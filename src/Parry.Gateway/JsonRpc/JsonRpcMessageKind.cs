namespace Parry.Gateway.JsonRpc;

/// <summary>What a JSON-RPC 2.0 message is, told by which members it has.</summary>
internal enum JsonRpcMessageKind : byte
{
    /// <summary>Not a JSON-RPC 2.0 message (not JSON, not an object, wrong or missing members).</summary>
    Invalid,
    Request,
    Notification,
    Response,
    /// <summary>A JSON array: a batch, which MCP 2025-06-18 and later no longer allow.</summary>
    Batch,
}
