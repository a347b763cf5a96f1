namespace Parry.Gateway.Inspection;

/// <summary>How a forwarded tools/call ended.</summary>
public enum ToolCallStatus : byte
{
    /// <summary>The server answered with a result whose <c>isError</c> is not true.</summary>
    Ok,
    /// <summary>The server answered with a result whose <c>isError</c> is true (the tool itself failed).</summary>
    ToolError,
    /// <summary>The server answered with a JSON-RPC error.</summary>
    RpcError,
    /// <summary>The server accepted the call as a task (MCP tasks); its outcome comes later, through tasks/result.</summary>
    TaskCreated,
    /// <summary>No answer within the call timeout: the client got an error and the server a cancellation.</summary>
    Timeout,
    /// <summary>The server went away before answering.</summary>
    ServerGone,
    /// <summary>The client went away before the answer.</summary>
    ClientGone,
    /// <summary>The client cancelled the call.</summary>
    Cancelled,
}
