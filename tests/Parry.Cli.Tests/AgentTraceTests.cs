using System.Text.Json;
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

    private static readonly string[] Levels = ["informational", "low", "medium", "high", "critical"];

    // Tactics of an operation against someone else's system (resource development alone — writing an exploit
    // locally — is not one).
    private static readonly HashSet<string> Offensive =
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

        var campaigns = new List<(string Session, int Level, string[] Tactics)>();
        foreach (var line in result.Lines)
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            if (root.GetProperty("type").GetString() != "campaign")
                continue;
            root.GetProperty("actor").GetProperty("kind").GetString().ShouldBe("session");
            campaigns.Add((
                root.GetProperty("actor").GetProperty("value").GetString()!.Replace('\\', '/'),
                Array.IndexOf(Levels, root.GetProperty("level").GetString()),
                [.. root.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()!)]));
        }

        var sessions = Directory.EnumerateFiles(Corpora.AgentTraces, "*.traj", SearchOption.AllDirectories).ToList();
        sessions.Count(IsCodingSession).ShouldBeGreaterThan(5, "the corpus's coding sessions are present");

        foreach (var name in Attacking)
        {
            var found = campaigns.Where(c => c.Session.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
            found.Count.ShouldBe(1, $"{name} is one campaign");
            found[0].Level.ShouldBeGreaterThanOrEqualTo(Array.IndexOf(Levels, "medium"), name);
            found[0].Tactics.ShouldContain(t => Offensive.Contains(t), $"{name}: {string.Join(", ", found[0].Tactics)}");
        }
        foreach (var campaign in campaigns.Where(c => IsCodingSession(c.Session)))
            campaign.Level.ShouldBeLessThan(Array.IndexOf(Levels, "medium"), $"coding session {campaign.Session}");
    }
}
