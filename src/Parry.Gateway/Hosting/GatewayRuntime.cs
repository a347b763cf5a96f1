using System.Security.Cryptography;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Decisions;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Policy.Limits;

namespace Parry.Gateway.Hosting;

/// <summary>
/// Everything one gateway run shares between its sessions: the compiled policy, the inspector, the audit log, the
/// approval queue and the clock. Created per run and passed in, never a static.
/// </summary>
internal sealed class GatewayRuntime(
    GatewayPolicy policy,
    IToolCallInspector inspector,
    AuditLog audit,
    ApprovalQueue approvals,
    TimeProvider time,
    Diagnostics diagnostics,
    GatewayLimits limits)
{
    public GatewayPolicy Policy { get; } = policy;

    public IToolCallInspector Inspector { get; } = inspector;

    public AuditLog Audit { get; } = audit;

    public ApprovalQueue Approvals { get; } = approvals;

    public TimeProvider Time { get; } = time;

    public Diagnostics Diagnostics { get; } = diagnostics;

    public GatewayLimits Limits { get; } = limits;

    public TimeSpan CallTimeout => Limits.CallTimeout ?? Policy.CallTimeout;

    public SessionState NewSession(string id, string transport, string defaultServerName) =>
        new(id, transport, Limits.ServerName ?? defaultServerName, new SessionRateLimiter(Policy.RateLimit, Time))
        {
            ServerNameFixed = Limits.ServerName is not null,
            LastSeen = Time.GetTimestamp(),
        };

    /// <summary>A short random id for a call (also its approval id): unique across gateways on one machine.</summary>
    public static string NewCallId()
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
