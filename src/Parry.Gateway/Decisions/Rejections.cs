using Parry.Gateway.Audit;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Decisions;

/// <summary>
/// A tools/call that could not be read (malformed, a notification, too large, a duplicate id) is denied without
/// being judged: it is audited, then the inspector hears of it as a call to tool <c>unknown</c>, as a hunt over the
/// audit log sees it. A failed audit write throws <see cref="AuditWriteException"/> for the caller to report.
/// </summary>
internal static class Rejections
{
    public const string UnknownTool = "unknown";

    public static void Record(GatewayRuntime runtime, SessionState session, string requestId, string rule, string reason)
    {
        var at = runtime.Time.GetUtcNow();
        runtime.Audit.WriteRejected(session, requestId, rule, reason, at);
        var request = new ToolCallRequest("", session.Id, session.Transport, session.ServerName, UnknownTool, default, requestId, at)
        {
            Client = session.Client,
            ProtocolVersion = session.ProtocolVersion,
        };
        try
        {
            runtime.Inspector.Decided(request, new CallDecision(PolicyAction.Deny, rule, reason, at) { Rejected = true });
        }
        catch (Exception e)
        {
            runtime.Diagnostics.Report($"an inspector failed to follow a rejected tools/call: {e.Message}");
        }
    }
}
