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
}
