using Parry.Gateway.Audit;
using Parry.Gateway.Decisions;
using Parry.Gateway.Hosting;
using Parry.Gateway.JsonRpc;

namespace Parry.Gateway.Proxy;

/// <summary>
/// A message that cannot be read (malformed, a batch, too large) might still be a tools/call. It is never forwarded;
/// if it looks like one, the denial is audited like any other decision.
/// </summary>
internal static class RejectedCalls
{
    public static void AuditIfToolCall(GatewayRuntime runtime, SessionState session, ReadOnlySpan<byte> bytes, string problem)
    {
        if (bytes.IndexOf("tools/call"u8) < 0 && bytes.IndexOf("tools\\/call"u8) < 0)
            return;
        JsonRpcIdSniffer.TryFindId(bytes, out var id);
        try
        {
            Rejections.Record(runtime, session, JsonRpcId.Display(id.Of(bytes)), "malformed_call", problem);
        }
        catch (AuditWriteException e)
        {
            runtime.Diagnostics.Report($"{e.Message}: a rejected tools/call is not in the audit log");
        }
    }
}
