using Parry.TestSupport;

namespace Parry.Cli.Tests;

/// <summary>
/// The agent-side bar on sessions the mcp rules were not written against (<c>Holdout/agent-sessions</c>, made by
/// <c>Holdout/generate_agents.py</c>, one recorded format per session): an agent probing one outside host through
/// many small calls of generic tools (MCP capture) and an agent driving offensive tools through a terminal (OpenAI
/// chat log) are each one campaign of level ≥ medium with offensive tactics; a coding agent (OTLP spans), a research
/// agent reading documentation at machine tempo (MCP capture) and an on-call agent checking its own cluster and
/// database (chat log) are not campaigns of level ≥ medium.
/// </summary>
public class HoldoutAgentTests
{
    private static readonly string[] Operations = ["c7f3a2e1-op", "conv-91c4"];
    private static readonly string[] Ordinary = ["coding-freight-118", "research-2210", "conv-ops-5521"];

    [Fact]
    public async Task Operations_are_campaigns_and_ordinary_agent_work_is_not()
    {
        var folder = Path.Combine(Corpora.RepositoryRoot, "tests", "Parry.Cli.Tests", "Holdout", "agent-sessions");
        var result = await ParryProcess.RunAsync(["hunt", "--format", "jsonl", folder]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = HuntReport.Parse(result.Lines);
        var all = string.Join("\n", report.Campaigns);

        foreach (var session in Operations)
        {
            var found = report.Campaigns.Where(c => c.Involves(session)).ToList();
            found.Count.ShouldBe(1, $"{session} is one campaign:\n{all}");
            found[0].Level.ShouldBeGreaterThanOrEqualTo(HuntReport.LevelOf("medium"), found[0].ToString());
            found[0].Tactics.Count(AgentTraceTests.Offensive.Contains).ShouldBeGreaterThanOrEqualTo(2, found[0].ToString());
        }
        foreach (var session in Ordinary)
        {
            foreach (var campaign in report.Campaigns.Where(c => c.Involves(session)))
                campaign.Level.ShouldBeLessThan(HuntReport.LevelOf("medium"), campaign.ToString());
        }
    }
}
