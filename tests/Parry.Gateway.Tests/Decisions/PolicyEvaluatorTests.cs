using Parry.Core.Detections;
using Parry.Gateway.Decisions;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Decisions;

public class PolicyEvaluatorTests
{
    private static readonly GatewayPolicy Policy = PolicyLoader.Load("""
        scope: { targets: ["10.10.0.0/16"] }
        on_out_of_scope: deny
        on_decision_point: hold
        tools:
          - { tool: "shell_*", action: deny, reason: "no shells" }
          - { tool: "crack_*", action: hold }
          - { tool: "echo", action: allow }
        """, "p.yml");

    private static Finding Target(string value, TargetKind kind = TargetKind.Address) => Finding.ForTarget("t", kind, value, "host");

    private static Verdict Judge(string tool, params Finding[] findings) =>
        PolicyEvaluator.Evaluate(Policy, Requests.Call(tool), findings, rateLimited: false);

    [Fact]
    public void A_call_nothing_objects_to_is_allowed() => Judge("lookup").ShouldBe(Verdict.Default);

    [Fact]
    public void A_denied_tool_is_denied_whatever_else_is_found()
    {
        var verdict = Judge("shell_exec", Target("10.10.0.1"));
        verdict.Action.ShouldBe(PolicyAction.Deny);
        verdict.Rule.ShouldBe("tools[0]:shell_*");
        verdict.DenialMessage.ShouldBe("parry: denied by rule 'tools[0]:shell_*': no shells");
    }

    [Fact]
    public void An_explicitly_allowed_tool_still_answers_to_scope()
    {
        var verdict = Judge("echo", Target("8.8.8.8"));
        verdict.Action.ShouldBe(PolicyAction.Deny);
        verdict.Rule.ShouldBe("scope");
        verdict.Reason.ShouldContain("8.8.8.8");
    }

    [Fact]
    public void In_scope_targets_pass() => Judge("lookup", Target("10.10.9.9")).Action.ShouldBe(PolicyAction.Allow);

    [Fact]
    public void Decision_points_and_high_detections_are_held()
    {
        Judge("x", Finding.ForDecisionPoint("t", DecisionPointCategory.CredentialAccess, "password spraying")).Rule
            .ShouldBe("decision_point:credential-access");
        var verdict = Judge("x", Finding.ForDetection("t", "rule-1", Level.High, "Hydra brute force"));
        verdict.Action.ShouldBe(PolicyAction.Hold);
        verdict.Rule.ShouldBe("detection:rule-1");
        Judge("x", Finding.ForDetection("t", "rule-2", Level.Medium, "meh")).Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public void The_strictest_contribution_wins()
    {
        Judge("crack_hash", Target("10.10.0.1")).Action.ShouldBe(PolicyAction.Hold);
        Judge("crack_hash", Target("1.2.3.4")).Action.ShouldBe(PolicyAction.Deny);
    }

    [Fact]
    public void Rate_limited_calls_get_the_configured_action()
    {
        var verdict = PolicyEvaluator.Evaluate(Policy with { RateLimit = new(1, 1, 0) }, Requests.Call("x"), [], rateLimited: true);
        verdict.Action.ShouldBe(PolicyAction.Deny);
        verdict.Rule.ShouldBe("rate_limits");
    }

    [Fact]
    public void Offensive_only_enforcement_ignores_targets_of_harmless_calls()
    {
        var policy = Policy with { ScopeEnforcement = ScopeEnforcement.OffensiveOnly };
        PolicyEvaluator.Evaluate(policy, Requests.Call("fetch"), [Target("8.8.8.8")], false).Action.ShouldBe(PolicyAction.Allow);
        PolicyEvaluator.Evaluate(policy, Requests.Call("fetch"), [Target("8.8.8.8"), Finding.ForOffensiveAction("t", "port scan")], false)
            .Action.ShouldBe(PolicyAction.Deny);
    }

    [Fact]
    public void Tools_default_deny_makes_the_list_an_allow_list()
    {
        var policy = Policy with { ToolsDefault = PolicyAction.Deny };
        PolicyEvaluator.Evaluate(policy, Requests.Call("other"), [], false).Rule.ShouldBe("tools_default");
        PolicyEvaluator.Evaluate(policy, Requests.Call("echo"), [], false).Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public void Out_of_scope_allowed_is_logged_with_its_reason()
    {
        var verdict = PolicyEvaluator.Evaluate(Policy with { OnOutOfScope = PolicyAction.Allow }, Requests.Call("x"), [Target("1.1.1.1")], false);
        verdict.Action.ShouldBe(PolicyAction.Allow);
        verdict.Rule.ShouldBe("scope");
    }
}
