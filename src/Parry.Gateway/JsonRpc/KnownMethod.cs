namespace Parry.Gateway.JsonRpc;

/// <summary>The few methods the gateway acts on; everything else passes through untouched.</summary>
internal enum KnownMethod : byte
{
    None,
    Other,
    Initialize,
    ToolsCall,
    Cancelled,
}
