namespace Parry.Gateway.Approvals;

/// <summary>The body of a successful approve or deny.</summary>
public sealed record ControlDecision(string Id, string Decision);
