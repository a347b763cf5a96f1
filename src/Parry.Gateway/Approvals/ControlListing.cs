namespace Parry.Gateway.Approvals;

/// <summary>The body of <c>GET /v1/approvals</c>.</summary>
public sealed record ControlListing(ControlInfo Gateway, IReadOnlyList<PendingApproval> Pending);
