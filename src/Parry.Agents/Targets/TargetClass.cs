namespace Parry.Agents.Targets;

/// <summary>
/// What kind of address a target is. Addresses: loopback, private (RFC 1918, shared 100.64/10, ULA fc00::/7),
/// link-local, documentation (RFC 5737, RFC 3849, RFC 9637), multicast, unspecified, reserved, public. Host names:
/// loopback (<c>localhost</c>), documentation (<c>example.com</c>, <c>.test</c>, <c>.example</c>, <c>.invalid</c>),
/// internal (a single label or an internal-looking suffix such as <c>.local</c>, <c>.internal</c>, <c>.corp</c>), public.
/// </summary>
public enum TargetClass : byte
{
    Public,
    Private,
    Loopback,
    LinkLocal,
    Documentation,
    Multicast,
    Unspecified,
    Reserved,
    Internal,
}
