namespace Parry.Gateway.JsonRpc;

/// <summary>JSON-RPC error codes the gateway answers with. The -320xx range is the implementation-defined one.</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;

    /// <summary>The policy denied the tools/call (also after a hold was denied or timed out).</summary>
    public const int Denied = -32010;

    /// <summary>The call was forwarded but no answer came in time, or the server went away.</summary>
    public const int Upstream = -32011;

    /// <summary>The message was larger than the configured cap.</summary>
    public const int TooLarge = -32012;
}
