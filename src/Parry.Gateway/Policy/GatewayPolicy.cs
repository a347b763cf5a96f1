using Parry.Core.Detections;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy.Limits;
using Parry.Gateway.Policy.Scope;

namespace Parry.Gateway.Policy;

/// <summary>
/// The compiled, immutable policy. Every key is documented in <c>src/Parry.Gateway/README.md</c>; <see cref="Default"/>
/// is what applies without <c>--policy</c>: empty scope, out of scope denied, decision points held.
/// </summary>
public sealed record GatewayPolicy
{
    public ScopeSet Scope { get; init; } = ScopeSet.Empty;

    public ScopeEnforcement ScopeEnforcement { get; init; } = ScopeEnforcement.EveryTarget;

    public PolicyAction OnOutOfScope { get; init; } = PolicyAction.Deny;

    public PolicyAction OnDecisionPoint { get; init; } = PolicyAction.Hold;

    public IReadOnlySet<DecisionPointCategory> DecisionPoints { get; init; } =
        new HashSet<DecisionPointCategory>(Enum.GetValues<DecisionPointCategory>());

    /// <summary>A detection at this level or above is a decision point; null: detections alone never are.</summary>
    public Level? DecisionLevel { get; init; } = Level.High;

    /// <summary>
    /// A session whose calls completed a correlation at <see cref="DecisionLevel"/> or above keeps that detection on
    /// every later call (so each is held or denied like a detection at that level) until an operator approves one of
    /// them; false: only the call that completed the correlation carries it.
    /// </summary>
    public bool SessionHold { get; init; } = true;

    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a forwarded call may go unanswered before the client gets an error.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(300);

    public IReadOnlyList<ToolRule> Tools { get; init; } = [];

    public PolicyAction ToolsDefault { get; init; } = PolicyAction.Allow;

    public RateLimit RateLimit { get; init; } = RateLimit.None;

    public PolicyAction OnRateLimited { get; init; } = PolicyAction.Deny;

    /// <summary>Where the policy came from (a file path, or "built-in default").</summary>
    public string Source { get; init; } = "built-in default";

    public static GatewayPolicy Default { get; } = new();
}
