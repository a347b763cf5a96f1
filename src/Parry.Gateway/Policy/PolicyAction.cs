namespace Parry.Gateway.Policy;

/// <summary>What happens to a tools/call. Ordered by restriction, so the strictest of several verdicts wins.</summary>
public enum PolicyAction : byte
{
    Allow,
    Hold,
    Deny,
}
