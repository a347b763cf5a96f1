using Parry.Core.Actors;
using Parry.Ingest.LogSources;

namespace Parry.Ingest.Tests.LogSources;

public class ActorNamesTests
{
    [Theory]
    [InlineData(@"CORP\svc-backup", "svc-backup")]
    [InlineData("svc-backup@CORP.EXAMPLE.COM", "svc-backup")]
    [InlineData("Svc-Backup", "svc-backup")]
    [InlineData(@"NT AUTHORITY\SYSTEM", "system")]
    [InlineData(@"trailing\", @"trailing\")]
    public void Users_are_one_actor_across_sources(string raw, string expected) =>
        ActorNames.Normalise(ActorKind.User, raw).ShouldBe(expected);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:DB8:0:0::1", "2001:db8::1")]
    [InlineData("ec2.amazonaws.com", null)]
    [InlineData("-", null)]
    public void Addresses_are_canonical_and_non_addresses_are_not_ip_actors(string raw, string? expected) =>
        ActorNames.Normalise(ActorKind.Ip, raw).ShouldBe(expected);

    [Theory]
    [InlineData("203.0.113.7", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("10.0.0.256", false)]
    [InlineData("10.0.0.01", false)]
    [InlineData("10.0.0", false)]
    [InlineData("10.0.0.1.", false)]
    [InlineData("10.0.0.1.2", false)]
    [InlineData("1000.0.0.1", false)]
    [InlineData("10..0.1", false)]
    [InlineData(" 10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void A_canonical_IPv4_address_is_recognised_without_parsing(string raw, bool canonical) =>
        ActorNames.IsCanonicalIPv4(raw).ShouldBe(canonical);

    [Fact]
    public void Every_address_called_canonical_is_its_own_normal_form()
    {
        var random = new Random(11);
        string[] parts = ["0", "00", "1", "01", "9", "10", "99", "100", "199", "255", "256", "300", "999", "1000", ""];
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Join('.', Enumerable.Range(0, random.Next(3, 6)).Select(_ => parts[random.Next(parts.Length)]));
            if (ActorNames.IsCanonicalIPv4(text))
                ActorNames.Normalise(ActorKind.Ip, text).ShouldBe(text);
            else if (ActorNames.Normalise(ActorKind.Ip, text) is { } normal && !normal.Contains(':'))
                normal.ShouldNotBe(text);
        }
    }
}
