using FsCheck;
using FsCheck.Fluent;
using Parry.Gateway.Inspection;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Inspection;

public class TargetExtractorTests
{
    private static IReadOnlyList<Finding> Extract(string json) => new TargetExtractor().Extract(Requests.Call("t", json).Arguments, "test");

    private static IEnumerable<(TargetKind, string)> Targets(string json) => Extract(json).Select(f => (f.TargetKind, f.Target!));

    [Fact]
    public void Finds_urls_addresses_and_networks_anywhere()
    {
        Targets("""{"command":"curl -s http://203.0.113.9:8080/login; ping 198.51.100.4 && scan 10.0.0.0/24 and 2001:db8::7"}""")
            .ShouldBe([(TargetKind.Url, "http://203.0.113.9:8080/login"), (TargetKind.Address, "198.51.100.4"),
                (TargetKind.Network, "10.0.0.0/24"), (TargetKind.Address, "2001:db8::7")]);
    }

    [Fact]
    public void Finds_host_names_only_in_target_named_arguments()
    {
        Targets("""{"host":"db.lab.example.com","note":"see readme.md and www.example.com"}""")
            .ShouldBe([(TargetKind.Host, "db.lab.example.com")]);
        Targets("""{"targets":["a.example.com:22","b.example.com"]}""")
            .ShouldBe([(TargetKind.Host, "a.example.com"), (TargetKind.Host, "b.example.com")]);
    }

    [Fact]
    public void Says_where_each_target_was_found()
    {
        var finding = Extract("""{"options":{"rhost":"192.0.2.1"}}""").Single();
        finding.Argument.ShouldBe("options.rhost");
        finding.Kind.ShouldBe(FindingKind.Target);
        finding.Source.ShouldBe("test");
    }

    [Fact]
    public void Networks_written_with_host_bits_are_normalised() =>
        Targets("""{"x":"10.1.2.3/16"}""").ShouldBe([(TargetKind.Network, "10.1.0.0/16")]);

    [Fact]
    public void Ordinary_text_has_no_targets()
    {
        Extract("""{"message":"hello world, it is 12:30 and version 1.2.3","n":5,"flag":true}""").ShouldBeEmpty();
        Extract("{}").ShouldBeEmpty();
    }

    [Fact]
    public void Work_is_bounded_whatever_the_arguments_hold()
    {
        var many = "{\"list\":[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"10.0.{i / 250}.{i % 250}\"")) + "]}";
        Extract(many).Count.ShouldBe(64);
    }

    [Fact]
    public void Property_any_ipv4_address_in_text_is_found()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>().Filter(b => b.Length == 4), bytes =>
        {
            var address = new System.Net.IPAddress(bytes).ToString();
            var found = Extract($$"""{"cmd":"connect to {{address}} now"}""");
            return found.Count == 1 && found[0].Target == address;
        }).QuickCheckThrowOnFailure();
    }
}
