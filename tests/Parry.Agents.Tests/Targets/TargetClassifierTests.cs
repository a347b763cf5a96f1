using System.Net;
using Parry.Agents.Targets;

namespace Parry.Agents.Tests.Targets;

public class TargetClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", TargetClass.Loopback)]
    [InlineData("127.8.9.10", TargetClass.Loopback)]
    [InlineData("10.20.30.40", TargetClass.Private)]
    [InlineData("172.16.0.1", TargetClass.Private)]
    [InlineData("172.31.255.255", TargetClass.Private)]
    [InlineData("172.32.0.1", TargetClass.Public)]
    [InlineData("192.168.1.1", TargetClass.Private)]
    [InlineData("100.64.0.1", TargetClass.Private)]
    [InlineData("169.254.169.254", TargetClass.LinkLocal)]
    [InlineData("192.0.2.10", TargetClass.Documentation)]
    [InlineData("198.51.100.7", TargetClass.Documentation)]
    [InlineData("203.0.113.250", TargetClass.Documentation)]
    [InlineData("224.0.0.251", TargetClass.Multicast)]
    [InlineData("0.0.0.0", TargetClass.Unspecified)]
    [InlineData("255.255.255.255", TargetClass.Reserved)]
    [InlineData("240.0.0.1", TargetClass.Reserved)]
    [InlineData("198.18.0.1", TargetClass.Reserved)]
    [InlineData("8.8.8.8", TargetClass.Public)]
    [InlineData("::1", TargetClass.Loopback)]
    [InlineData("::", TargetClass.Unspecified)]
    [InlineData("fd12:3456::1", TargetClass.Private)]
    [InlineData("fc00::1", TargetClass.Private)]
    [InlineData("fe80::1", TargetClass.LinkLocal)]
    [InlineData("ff02::1", TargetClass.Multicast)]
    [InlineData("2001:db8::1", TargetClass.Documentation)]
    [InlineData("3fff::1", TargetClass.Documentation)]
    [InlineData("2606:4700::1111", TargetClass.Public)]
    [InlineData("::ffff:10.0.0.1", TargetClass.Private)]
    public void Addresses(string address, TargetClass expected)
    {
        TargetClassifier.Classify(IPAddress.Parse(address)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("localhost", TargetClass.Loopback)]
    [InlineData("api.localhost", TargetClass.Loopback)]
    [InlineData("example.com", TargetClass.Documentation)]
    [InlineData("www.example.org", TargetClass.Documentation)]
    [InlineData("host.test", TargetClass.Documentation)]
    [InlineData("db01", TargetClass.Internal)]
    [InlineData("fileserver.corp", TargetClass.Internal)]
    [InlineData("printer.local", TargetClass.Internal)]
    [InlineData("metadata.google.internal", TargetClass.Internal)]
    [InlineData("box.htb", TargetClass.Internal)]
    [InlineData("router.home.arpa", TargetClass.Internal)]
    [InlineData("web.chal.csaw.io", TargetClass.Public)]
    [InlineData("GitHub.COM.", TargetClass.Public)]
    public void Hosts(string host, TargetClass expected)
    {
        TargetClassifier.ClassifyHost(host).ShouldBe(expected);
    }

    [Theory]
    [InlineData("10.0.0.0", 8, TargetClass.Private)]
    [InlineData("0.0.0.0", 0, TargetClass.Public)]
    [InlineData("203.0.113.0", 24, TargetClass.Documentation)]
    [InlineData("2001:db8::", 32, TargetClass.Documentation)]
    public void Networks(string network, int prefix, TargetClass expected)
    {
        TargetClassifier.Classify(IPAddress.Parse(network), prefix).ShouldBe(expected);
    }
}
