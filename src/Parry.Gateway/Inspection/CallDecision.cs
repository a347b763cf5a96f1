using Parry.Gateway.Approvals;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Inspection;

/// <summary>
/// One decision the gateway made about a tools/call, as its audit record says it: the action, the rule and reason,
/// when, and for the second decision of a held call how the hold ended. <see cref="Rejected"/>: the message could not
/// be read as a call (malformed, too large …), so the request handed over with it is a stand-in with tool
/// <c>unknown</c> and no arguments.
/// </summary>
public sealed record CallDecision(PolicyAction Action, string Rule, string Reason, DateTimeOffset At)
{
    public ApprovalOutcome? Approval { get; init; }

    public bool Rejected { get; init; }

    /// <summary>The decision ends the call: a denial (nothing was forwarded, no result will follow).</summary>
    public bool IsFinal => Action == PolicyAction.Deny;
}
