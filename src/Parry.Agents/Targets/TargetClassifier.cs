using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Parry.Agents.Targets;

/// <summary>Classifies addresses, networks and host names (see <see cref="TargetClass"/>).</summary>
public static class TargetClassifier
{
    private static readonly string[] InternalSuffixes =
    [
        ".local", ".internal", ".lan", ".corp", ".home", ".intranet", ".private", ".localdomain", ".home.arpa", ".lab",
        ".htb", ".thm", ".priv", ".intra", ".domain",
    ];

    private static readonly string[] DocumentationSuffixes = [".example", ".test", ".invalid", ".example.com", ".example.net", ".example.org"];

    public static TargetClass Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address) : ClassifyV6(address);
    }

    /// <summary>A network is classed by its first address; a very wide one (shorter than /8, /16 for IPv6) is public
    /// whatever it starts with.</summary>
    public static TargetClass Classify(IPAddress network, int prefixLength)
    {
        var wide = network.AddressFamily == AddressFamily.InterNetwork ? prefixLength < 8 : prefixLength < 16;
        return wide ? TargetClass.Public : Classify(network);
    }

    public static TargetClass ClassifyHost(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal))
            return TargetClass.Loopback;
        if (name is "example.com" or "example.net" or "example.org" or "example" or "test" or "invalid")
            return TargetClass.Documentation;
        foreach (var suffix in DocumentationSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return TargetClass.Documentation;
        }
        if (!name.Contains('.'))
            return TargetClass.Internal;
        foreach (var suffix in InternalSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return TargetClass.Internal;
        }
        return TargetClass.Public;
    }

    private static TargetClass ClassifyV4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (value == 0)
            return TargetClass.Unspecified;
        if (value == 0xFFFFFFFF)
            return TargetClass.Reserved;
        return bytes[0] switch
        {
            0 => TargetClass.Reserved,
            10 => TargetClass.Private,
            127 => TargetClass.Loopback,
            100 when (bytes[1] & 0xC0) == 64 => TargetClass.Private,
            169 when bytes[1] == 254 => TargetClass.LinkLocal,
            172 when (bytes[1] & 0xF0) == 16 => TargetClass.Private,
            192 when bytes[1] == 168 => TargetClass.Private,
            192 when bytes[1] == 0 && bytes[2] == 2 => TargetClass.Documentation,
            192 when bytes[1] == 0 && bytes[2] == 0 => TargetClass.Reserved,
            192 when bytes[1] == 88 && bytes[2] == 99 => TargetClass.Reserved,
            198 when bytes[1] == 51 && bytes[2] == 100 => TargetClass.Documentation,
            198 when (bytes[1] & 0xFE) == 18 => TargetClass.Reserved,
            203 when bytes[1] == 0 && bytes[2] == 113 => TargetClass.Documentation,
            >= 224 and <= 239 => TargetClass.Multicast,
            >= 240 => TargetClass.Reserved,
            _ => TargetClass.Public,
        };
    }

    private static TargetClass ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback))
            return TargetClass.Loopback;
        if (address.Equals(IPAddress.IPv6Any))
            return TargetClass.Unspecified;
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        if ((bytes[0] & 0xFE) == 0xFC)
            return TargetClass.Private;
        if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80)
            return TargetClass.LinkLocal;
        if (bytes[0] == 0xFF)
            return TargetClass.Multicast;
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8)
            return TargetClass.Documentation;
        if (bytes[0] == 0x3F && bytes[1] == 0xFF && (bytes[2] & 0xF0) == 0)
            return TargetClass.Documentation;
        return (bytes[0] & 0xE0) == 0x20 ? TargetClass.Public : TargetClass.Reserved;
    }
}
