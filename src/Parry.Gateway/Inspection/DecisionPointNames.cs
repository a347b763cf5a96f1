namespace Parry.Gateway.Inspection;

/// <summary>The names of <see cref="DecisionPointCategory"/> used in the policy and the audit log.</summary>
public static class DecisionPointNames
{
    public static string Name(this DecisionPointCategory category) => category switch
    {
        DecisionPointCategory.Exploitation => "exploitation",
        DecisionPointCategory.CredentialAccess => "credential-access",
        DecisionPointCategory.LateralMovement => "lateral-movement",
        DecisionPointCategory.Exfiltration => "exfiltration",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static bool TryParse(string? text, out DecisionPointCategory category)
    {
        switch (text?.Trim().ToLowerInvariant().Replace('_', '-'))
        {
            case "exploitation": category = DecisionPointCategory.Exploitation; return true;
            case "credential-access": category = DecisionPointCategory.CredentialAccess; return true;
            case "lateral-movement": category = DecisionPointCategory.LateralMovement; return true;
            case "exfiltration": category = DecisionPointCategory.Exfiltration; return true;
            default: category = default; return false;
        }
    }
}
