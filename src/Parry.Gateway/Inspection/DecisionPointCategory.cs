namespace Parry.Gateway.Inspection;

/// <summary>The stages of an attack at which Parry puts a human in the loop (ATT&amp;CK tactic names in the policy).</summary>
public enum DecisionPointCategory : byte
{
    Exploitation,
    CredentialAccess,
    LateralMovement,
    Exfiltration,
}
