namespace Parry.Gateway.JsonRpc;

/// <summary>
/// A compact index over one JSON-RPC message's bytes: its kind, the method when the gateway cares about it, and where
/// the id, params, result and error lie. The bytes themselves are not copied, so untouched messages are forwarded
/// exactly as they came.
/// </summary>
internal readonly record struct JsonRpcMessage(
    JsonRpcMessageKind Kind,
    KnownMethod Method,
    Slice Id,
    Slice Params,
    Slice Result,
    Slice Error,
    string? Problem = null)
{
    public bool IsToolsCall => Method == KnownMethod.ToolsCall && Kind is JsonRpcMessageKind.Request or JsonRpcMessageKind.Notification;

    public static JsonRpcMessage Invalid(string problem, Slice id = default) =>
        new(JsonRpcMessageKind.Invalid, KnownMethod.None, id, default, default, default, problem);
}
