namespace Parry.Gateway.Approvals;

/// <summary>
/// How a hold ended: approved or not, by whom (<c>operator</c>, <c>timeout</c>, <c>client</c> when the client
/// cancelled or went away, <c>shutdown</c>), why, and how long the call waited.
/// </summary>
public sealed record ApprovalOutcome(bool Approved, string By, string? Reason, TimeSpan Held);
