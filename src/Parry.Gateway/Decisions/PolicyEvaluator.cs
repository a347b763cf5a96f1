using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Decisions;

/// <summary>
/// Turns a call and its findings into a verdict under the policy. Pure and allocation-light: every check that applies
/// contributes, and the strictest contribution wins (deny over hold over allow).
/// </summary>
public static class PolicyEvaluator
{
    public static Verdict Evaluate(GatewayPolicy policy, ToolCallRequest request, IReadOnlyList<Finding> findings, bool rateLimited)
    {
        var verdict = Verdict.Default;

        var rule = MatchTool(policy, request);
        if (rule is not null)
        {
            var reason = rule.Reason ?? $"tool '{request.Tool}' is {rule.Action.Name()}ed by the policy's tools list";
            verdict = verdict.Join(new Verdict(rule.Action, rule.Id, reason));
        }
        else if (policy.ToolsDefault != PolicyAction.Allow)
        {
            verdict = verdict.Join(new Verdict(policy.ToolsDefault, "tools_default",
                $"tool '{request.Tool}' matches no entry of the policy's tools list"));
        }
        if (verdict.Action == PolicyAction.Deny)
            return verdict;

        if (rateLimited)
            verdict = verdict.Join(new Verdict(policy.OnRateLimited, "rate_limits",
                $"session {request.SessionId} exceeded {Describe(policy)}"));

        var offensive = policy.ScopeEnforcement == ScopeEnforcement.EveryTarget || IsOffensive(findings);
        // A contribution that cannot win the join (a second hold after a hold, any hold after a deny …) is skipped
        // before its reason is formatted: a call with several findings formatted every reason only to drop them.
        foreach (var finding in findings)
        {
            switch (finding.Kind)
            {
                case FindingKind.Target when offensive && finding.Target is { } target && Wins(verdict, policy.OnOutOfScope)
                                             && !policy.Scope.Contains(finding.TargetKind, target):
                    verdict = verdict.Join(new Verdict(policy.OnOutOfScope, "scope",
                        $"target {target} (in '{finding.Argument}') is outside the authorised scope"));
                    break;
                case FindingKind.DecisionPoint when finding.Category is { } category && Wins(verdict, policy.OnDecisionPoint)
                                                    && policy.DecisionPoints.Contains(category):
                    verdict = verdict.Join(new Verdict(policy.OnDecisionPoint, "decision_point:" + category.Name(),
                        $"{category.Name()} needs a human: {finding.Summary}"));
                    break;
                case FindingKind.Detection when finding.Level is { } level && policy.DecisionLevel is { } threshold && level >= threshold
                                                && Wins(verdict, policy.OnDecisionPoint):
                    verdict = verdict.Join(new Verdict(policy.OnDecisionPoint, "detection:" + finding.RuleId,
                        $"{level.ToString().ToLowerInvariant()} detection needs a human: {finding.Summary}"));
                    break;
            }
        }
        return verdict;
    }

    // Whether a contribution with this action would replace the verdict held (Verdict.Join's rule).
    private static bool Wins(Verdict held, PolicyAction action) =>
        action > held.Action || (action == held.Action && ReferenceEquals(held, Verdict.Default));

    private static ToolRule? MatchTool(GatewayPolicy policy, ToolCallRequest request)
    {
        foreach (var rule in policy.Tools)
        {
            if (rule.Matches(request.Server, request.Tool))
                return rule;
        }
        return null;
    }

    private static bool IsOffensive(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Kind is FindingKind.OffensiveAction or FindingKind.DecisionPoint or FindingKind.Detection)
                return true;
        }
        return false;
    }

    private static string Describe(GatewayPolicy policy)
    {
        var limit = policy.RateLimit;
        var parts = new List<string>(2);
        if (limit.PerSecond > 0)
            parts.Add($"{limit.PerSecond:0.##} calls/s");
        if (limit.PerMinute > 0)
            parts.Add($"{limit.PerMinute:0.##} calls/min");
        return "the rate limit of " + string.Join(" and ", parts);
    }
}
