using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Tests.Policy;

public class ScopeSetTests
{
    private static readonly Gateway.Policy.Scope.ScopeSet Scope = PolicyLoader.Load("""
        scope:
          targets: ["10.10.0.0/16", "192.0.2.7", "2001:db8::/32", "lab.example.com", "*.corp.example.com", "https://app.example.org/api/", "http://site.example.net"]
        """, "p.yml").Scope;

    [Theory]
    [InlineData(TargetKind.Address, "10.10.200.1", true)]
    [InlineData(TargetKind.Address, "10.11.0.1", false)]
    [InlineData(TargetKind.Address, "192.0.2.7", true)]
    [InlineData(TargetKind.Address, "192.0.2.8", false)]
    [InlineData(TargetKind.Address, "::ffff:10.10.0.1", true)]
    [InlineData(TargetKind.Address, "2001:db8::1", true)]
    [InlineData(TargetKind.Address, "2001:db9::1", false)]
    [InlineData(TargetKind.Network, "10.10.4.0/24", true)]
    [InlineData(TargetKind.Network, "10.0.0.0/8", false)]
    [InlineData(TargetKind.Host, "lab.example.com", true)]
    [InlineData(TargetKind.Host, "LAB.example.com.", true)]
    [InlineData(TargetKind.Host, "www.lab.example.com", false)]
    [InlineData(TargetKind.Host, "a.b.corp.example.com", true)]
    [InlineData(TargetKind.Host, "corp.example.com", false)]
    [InlineData(TargetKind.Host, "evilcorp.example.com", false)]
    [InlineData(TargetKind.Host, "10.10.1.1", true)]
    [InlineData(TargetKind.Host, "site.example.net", true)]
    [InlineData(TargetKind.Host, "app.example.org", false)]
    [InlineData(TargetKind.Url, "https://app.example.org/api/users?id=1", true)]
    [InlineData(TargetKind.Url, "https://app.example.org/admin", false)]
    [InlineData(TargetKind.Url, "http://app.example.org/api/", false)]
    [InlineData(TargetKind.Url, "http://10.10.0.5:8080/x", true)]
    [InlineData(TargetKind.Url, "http://[2001:db8::5]/", true)]
    [InlineData(TargetKind.Url, "http://x.corp.example.com/", true)]
    [InlineData(TargetKind.Url, "not a url", false)]
    public void Decides_what_is_in_scope(TargetKind kind, string target, bool inScope) =>
        Scope.Contains(kind, target).ShouldBe(inScope);

    [Fact]
    public void The_empty_scope_contains_nothing() =>
        Gateway.Policy.Scope.ScopeSet.Empty.Contains(TargetKind.Address, "127.0.0.1").ShouldBeFalse();
}
