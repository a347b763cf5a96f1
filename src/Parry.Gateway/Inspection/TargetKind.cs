namespace Parry.Gateway.Inspection;

public enum TargetKind : byte
{
    /// <summary>One IPv4 or IPv6 address.</summary>
    Address,
    /// <summary>A network in CIDR notation.</summary>
    Network,
    /// <summary>A host name.</summary>
    Host,
    /// <summary>A URL (its host is checked, and URL scope entries by prefix).</summary>
    Url,
}
