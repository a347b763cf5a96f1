namespace Parry.Gateway.Inspection;

/// <summary>The snake_case names of <see cref="ToolCallStatus"/> used in the audit log.</summary>
public static class ToolCallStatusNames
{
    public static string Name(this ToolCallStatus status) => status switch
    {
        ToolCallStatus.Ok => "ok",
        ToolCallStatus.ToolError => "tool_error",
        ToolCallStatus.RpcError => "rpc_error",
        ToolCallStatus.TaskCreated => "task_created",
        ToolCallStatus.Timeout => "timeout",
        ToolCallStatus.ServerGone => "server_gone",
        ToolCallStatus.ClientGone => "client_gone",
        ToolCallStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
