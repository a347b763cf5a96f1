using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Parry.Gateway.Policy.Scope;

/// <summary>
/// An IPv4 or IPv6 network. Unlike <see cref="IPNetwork.TryParse(string, out IPNetwork)"/> it accepts an address with
/// host bits set (<c>10.0.0.5/24</c> means <c>10.0.0.0/24</c>), which is how people write targets.
/// </summary>
public readonly record struct Cidr(IPNetwork Network)
{
    public static bool TryParse(ReadOnlySpan<char> text, out Cidr cidr)
    {
        cidr = default;
        var slash = text.IndexOf('/');
        if (slash <= 0 || !IPAddress.TryParse(text[..slash], out var address))
            return false;
        address = Canonical(address);
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > max)
            return false;
        cidr = new Cidr(new IPNetwork(Mask(address, prefix), prefix));
        return true;
    }

    public static Cidr Single(IPAddress address)
    {
        address = Canonical(address);
        return new Cidr(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
    }

    public bool Contains(IPAddress address) => Network.Contains(Canonical(address));

    /// <summary>True when every address of <paramref name="other"/> is in this network.</summary>
    public bool Contains(Cidr other) =>
        other.Network.PrefixLength >= Network.PrefixLength && Network.Contains(other.Network.BaseAddress);

    public override string ToString() => Network.ToString();

    public static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
