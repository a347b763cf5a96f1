namespace Parry.Gateway.Inspection;

/// <summary>What an inspector found in a tool call.</summary>
public enum FindingKind : byte
{
    /// <summary>A target the call reaches for (an address, network, host or URL); the policy checks it against scope.</summary>
    Target,
    /// <summary>The call is an offensive operation (scanning, brute forcing, exploiting …), named in the summary.</summary>
    OffensiveAction,
    /// <summary>The call is at a decision point (exploitation, credential access, lateral movement, exfiltration).</summary>
    DecisionPoint,
    /// <summary>A detection rule matched the call, with its level.</summary>
    Detection,
}
