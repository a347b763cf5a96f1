namespace Parry.Gateway.Policy;

public static class PolicyActionNames
{
    public static string Name(this PolicyAction action) => action switch
    {
        PolicyAction.Allow => "allow",
        PolicyAction.Hold => "hold",
        PolicyAction.Deny => "deny",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static bool TryParse(string? text, out PolicyAction action)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "allow": action = PolicyAction.Allow; return true;
            case "hold": action = PolicyAction.Hold; return true;
            case "deny": action = PolicyAction.Deny; return true;
            default: action = PolicyAction.Deny; return false;
        }
    }
}
