namespace Parry.Agents.Targets;

/// <summary>
/// Something a tool call acts on over the network: an address, a network range or a host name (lower-case), with the
/// port when one was given, its class, and the URL it came from if any. Whether it is in scope is the gateway
/// policy's question; this only says what it is.
/// </summary>
public sealed record Target(TargetKind Kind, string Value, TargetClass Class, int? Port = null, string? Url = null)
{
    public override string ToString() => Port is { } port ? $"{Value}:{port}" : Value;
}
