namespace Parry.Agents.Calls;

/// <summary>What a gateway decided about a call (<c>allow</c>, <c>deny</c>, <c>hold</c> …), by which rule and why; read
/// back from its audit log.</summary>
public sealed record ToolCallDecision(string Action, string? Rule = null, string? Reason = null);
