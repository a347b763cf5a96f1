namespace Parry.Gateway.Inspection;

/// <summary>The <c>clientInfo</c> of an MCP session's <c>initialize</c> request.</summary>
public sealed record ClientIdentity(string Name, string? Version)
{
    public static ClientIdentity Unknown { get; } = new("unknown", null);
}
