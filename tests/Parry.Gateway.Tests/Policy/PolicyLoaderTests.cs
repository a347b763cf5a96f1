using Parry.Core.Detections;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Tests.Policy;

public class PolicyLoaderTests
{
    private const string Full = """
        version: 1
        scope:
          targets: ["10.10.0.0/16", "lab.example.com", "*.lab.example.com", "2001:db8::/32", "192.0.2.7", "https://app.example.org/api/"]
          enforce: offensive_only
        on_out_of_scope: hold
        on_decision_point: deny
        decision_points: [credential-access, exfiltration]
        decision_level: critical
        approval_timeout: 2m
        call_timeout: 45s
        tools:
          - { tool: "shell_*", action: deny, reason: "no shells in this engagement" }
          - { tool: "read_*", server: "filesystem", action: allow }
          - { tool: "nmap*", action: hold }
        tools_default: deny
        rate_limits:
          per_session: { per_second: 5, burst: 10, per_minute: 120 }
          on_exceeded: hold
        """;

    [Fact]
    public void Reads_every_key()
    {
        var policy = PolicyLoader.Load(Full, "p.yml");
        policy.Scope.Contains(TargetKind.Address, "10.10.3.4").ShouldBeTrue();
        policy.Scope.Contains(TargetKind.Host, "a.lab.example.com").ShouldBeTrue();
        policy.Scope.Contains(TargetKind.Url, "https://app.example.org/api/users").ShouldBeTrue();
        policy.ScopeEnforcement.ShouldBe(ScopeEnforcement.OffensiveOnly);
        policy.OnOutOfScope.ShouldBe(PolicyAction.Hold);
        policy.OnDecisionPoint.ShouldBe(PolicyAction.Deny);
        policy.DecisionPoints.ShouldBe([DecisionPointCategory.CredentialAccess, DecisionPointCategory.Exfiltration], ignoreOrder: true);
        policy.DecisionLevel.ShouldBe(Level.Critical);
        policy.ApprovalTimeout.ShouldBe(TimeSpan.FromMinutes(2));
        policy.CallTimeout.ShouldBe(TimeSpan.FromSeconds(45));
        policy.Tools.Count.ShouldBe(3);
        policy.Tools[0].Matches("any", "shell_exec").ShouldBeTrue();
        policy.Tools[1].Matches("other", "read_file").ShouldBeFalse();
        policy.ToolsDefault.ShouldBe(PolicyAction.Deny);
        policy.RateLimit.PerSecond.ShouldBe(5);
        policy.RateLimit.Burst.ShouldBe(10);
        policy.RateLimit.PerMinute.ShouldBe(120);
        policy.OnRateLimited.ShouldBe(PolicyAction.Hold);
        policy.Source.ShouldBe("p.yml");
    }

    [Fact]
    public void The_contract_example_loads()
    {
        var policy = PolicyLoader.Load("""
            scope:
              targets: ["10.10.0.0/16", "lab.example.com", "*.lab.example.com"]   # authorised targets
            on_out_of_scope: deny
            on_decision_point: hold
            approval_timeout: 120s
            """, "contract.yml");
        policy.ApprovalTimeout.ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void The_default_is_empty_scope_deny_hold()
    {
        var policy = GatewayPolicy.Default;
        policy.Scope.IsEmpty.ShouldBeTrue();
        policy.OnOutOfScope.ShouldBe(PolicyAction.Deny);
        policy.OnDecisionPoint.ShouldBe(PolicyAction.Hold);
    }

    [Fact]
    public void Every_error_is_reported_with_its_line_and_column()
    {
        var e = Should.Throw<PolicyException>(() => PolicyLoader.Load("""
            scope:
              targets: ["10.0.0.0/33", "not a host!"]
            on_out_of_scope: maybe
            approval_timout: 120s
            tools:
              - { tool: "x" }
            """, "bad.yml"));
        e.Errors.Count.ShouldBe(5);
        e.Errors.ShouldContain(x => x.Line == 2 && x.Message.Contains("CIDR"));
        e.Errors.ShouldContain(x => x.Line == 2 && x.Message.Contains("not a host!"));
        e.Errors.ShouldContain(x => x.Line == 3 && x.Message.Contains("maybe"));
        e.Errors.ShouldContain(x => x.Line == 4 && x.Column == 1 && x.Message.Contains("unknown key 'approval_timout'"));
        e.Errors.ShouldContain(x => x.Line == 6 && x.Message.Contains("action"));
        e.Errors.ShouldAllBe(x => x.Path == "bad.yml");
        e.Message.ShouldContain("bad.yml:4:1:");
    }

    [Theory]
    [InlineData("scope: [", "not valid YAML")]
    [InlineData("scope: {}\nscope: {}", "not valid YAML")]
    [InlineData("", "one YAML mapping")]
    [InlineData("- a\n- b", "one YAML mapping")]
    [InlineData("decision_points: [recon]", "unknown decision point")]
    [InlineData("decision_level: severe", "decision_level")]
    [InlineData("approval_timeout: -5s", "duration")]
    [InlineData("approval_timeout: 30d", "duration")]
    [InlineData("rate_limits: { per_session: { per_second: lots } }", "number")]
    [InlineData("rate_limits: { per_session: { per_hour: 3 } }", "unknown key 'per_hour'")]
    [InlineData("scope: { enforce: sometimes }", "enforce")]
    [InlineData("version: 2", "version")]
    [InlineData("tools: { tool: x }", "list")]
    public void Broken_policies_fail_closed(string yaml, string problem) =>
        Should.Throw<PolicyException>(() => PolicyLoader.Load(yaml, "p.yml")).Errors.ShouldContain(e => e.Message.Contains(problem));

    [Fact]
    public void A_missing_file_is_a_located_error() =>
        Should.Throw<PolicyException>(() => PolicyLoader.LoadFile("/nonexistent/policy.yml")).Errors.Single().Message.ShouldContain("cannot read");
}
