namespace Parry.Sigma.Values;

/// <summary>
/// <c>field|cidr: 10.0.0.0/8</c> (IPv4 or IPv6): the event value is an address inside the network. Host bits set in
/// the rule are masked off; a bare address means a single host.
/// </summary>
public sealed class SigmaCidr : SigmaValue
{
    private readonly UInt128 _network;
    private readonly UInt128 _mask;

    private SigmaCidr(string text, bool isV4, UInt128 network, int prefixLength)
    {
        Text = text;
        IsV4 = isV4;
        PrefixLength = prefixLength;
        var bits = isV4 ? 32 : 128;
        _mask = prefixLength == 0 ? 0 : (bits == 32 ? (UInt128)(uint.MaxValue << (32 - prefixLength)) : UInt128.MaxValue << (128 - prefixLength));
        _network = network & _mask;
    }

    public string Text { get; }

    public bool IsV4 { get; }

    public int PrefixLength { get; }

    public static bool TryParse(string text, out SigmaCidr? cidr)
    {
        cidr = null;
        var span = text.AsSpan().Trim();
        var slash = span.IndexOf('/');
        var addressText = slash < 0 ? span : span[..slash];
        if (!IpAddressText.TryParse(addressText, out var address, out var isV4))
            return false;
        // An IPv6 network written in IPv4-mapped form stays IPv6 only when it has a prefix beyond the mapped range.
        if (addressText.IndexOf(':') >= 0 && isV4 && slash >= 0)
            return false;
        var bits = isV4 ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(span[(slash + 1)..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            return false;
        cidr = new SigmaCidr(text, isV4, address, prefix);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is an address inside the network; false when it is not an address.</summary>
    public bool Contains(ReadOnlySpan<char> value) =>
        IpAddressText.TryParse(value, out var address, out var isV4) && isV4 == IsV4 && (address & _mask) == _network;

    public override string ToString() => Text;
}
