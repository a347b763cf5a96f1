using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Values;

public class SigmaCidrTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("172.16.0.0/12", "172.31.255.255", true)]
    [InlineData("172.16.0.0/12", "172.32.0.0", false)]
    [InlineData("192.168.1.7", "192.168.1.7", true)] // a bare address is one host
    [InlineData("192.168.1.7/24", "192.168.1.200", true)] // host bits are masked off
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.0.0.1", true)] // IPv4-mapped IPv6, as Windows logs it
    [InlineData("::1/128", "::1", true)]
    [InlineData("fe80::/10", "fe80::1%eth0", true)]
    [InlineData("fe80::/10", "fec0::1", false)]
    [InlineData("2001:db8::/32", "2001:0db8:0000:0000:0000:ff00:0042:8329", true)]
    [InlineData("2001:db8::/32", "[2001:db8::1]", true)]
    [InlineData("10.0.0.0/8", "fe80::1", false)]
    [InlineData("::/0", "10.0.0.1", false)] // families never mix
    [InlineData("10.0.0.0/8", "10.0.0", false)]
    [InlineData("10.0.0.0/8", "10.0.0.256", false)]
    [InlineData("10.0.0.0/8", "-", false)]
    [InlineData("10.0.0.0/8", "", false)]
    public void Contains(string network, string address, bool expected)
    {
        SigmaCidr.TryParse(network, out var cidr).ShouldBeTrue();
        cidr!.Contains(address).ShouldBe(expected);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/8")]
    [InlineData("::1/129")]
    [InlineData("1::2::3")]
    [InlineData("not an ip")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/-1")]
    public void Rejects_malformed_networks(string text)
    {
        SigmaCidr.TryParse(text, out _).ShouldBeFalse();
    }
}
