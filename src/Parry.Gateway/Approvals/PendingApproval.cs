namespace Parry.Gateway.Approvals;

/// <summary>A held call as an operator sees it in <c>parry approvals list</c> (arguments already redacted).</summary>
public sealed record PendingApproval(
    string Id,
    string Session,
    string Server,
    string Tool,
    string Arguments,
    string Rule,
    string Reason,
    IReadOnlyList<string> Findings,
    DateTimeOffset HeldAt,
    DateTimeOffset ExpiresAt);
