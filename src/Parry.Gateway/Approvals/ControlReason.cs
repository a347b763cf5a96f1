namespace Parry.Gateway.Approvals;

/// <summary>The body of <c>POST /v1/approvals/{id}/approve|deny</c>: why the operator decided so (may be null).</summary>
public sealed record ControlReason(string? Reason);
