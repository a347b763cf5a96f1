namespace Parry.Agents.Targets;

/// <summary>How a target was written.</summary>
public enum TargetKind : byte
{
    Ip,
    Cidr,
    Host,
}
