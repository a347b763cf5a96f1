using Parry.TestSupport;

namespace Parry.Cli.Tests;

/// <summary>
/// The agent vantage point's bar on recorded sessions: hunting SWE-agent's demonstration trajectories, the sessions
/// that attack a network service become campaigns of level ≥ medium with offensive tactics, and no coding session
/// becomes a campaign of level ≥ medium.
/// </summary>
public class AgentTraceTests
{
    private static readonly string[] Attacking = ["i_got_id_demo.traj", "warmup.traj"];

    // Tactics of an operation against someone else's system (resource development alone — writing an exploit
    // locally — is not one).
    internal static readonly HashSet<string> Offensive =
    [
        "reconnaissance", "initial-access", "execution", "credential-access", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact",
    ];

    private static bool IsCodingSession(string path) =>
        !path.Contains("/ctf/", StringComparison.Ordinal);

    [Fact]
    public async Task Sessions_attacking_a_network_service_become_campaigns_and_coding_sessions_do_not()
    {
        var result = await ParryProcess.RunAsync(["hunt", "--format", "jsonl", Corpora.AgentTraces]);
        result.ExitCode.ShouldBe(0, result.Stderr);

        var campaigns = HuntReport.Parse(result.Lines).Campaigns
            .Select(c => (Session: c.Actor.Replace('\\', '/'), c.Level, c.Tactics)).ToList();

        var sessions = Directory.EnumerateFiles(Corpora.AgentTraces, "*.traj", SearchOption.AllDirectories).ToList();
        sessions.Count(IsCodingSession).ShouldBeGreaterThan(5, "the corpus's coding sessions are present");

        foreach (var name in Attacking)
        {
            var found = campaigns.Where(c => c.Session.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
            found.Count.ShouldBe(1, $"{name} is one campaign");
            found[0].Level.ShouldBeGreaterThanOrEqualTo(HuntReport.LevelOf("medium"), name);
            found[0].Tactics.ShouldContain(t => Offensive.Contains(t), $"{name}: {string.Join(", ", found[0].Tactics)}");
        }
        foreach (var campaign in campaigns.Where(c => IsCodingSession(c.Session)))
            campaign.Level.ShouldBeLessThan(HuntReport.LevelOf("medium"), $"coding session {campaign.Session}");
    }
}
