namespace Parry.Gateway.Policy;

/// <summary>One entry of the policy's <c>tools</c> list: a tool-name pattern, optionally a server pattern, an action.</summary>
public sealed record ToolRule(string Id, Glob Tool, Glob? Server, PolicyAction Action, string? Reason)
{
    public bool Matches(string server, string tool) => Tool.IsMatch(tool) && (Server is null || Server.IsMatch(server));
}
