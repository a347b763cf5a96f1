using Parry.TestSupport;

namespace Parry.Cli.Tests;

/// <summary>
/// The target-side bar on logs the rule pack was not written against: a second, independently written intrusion
/// (<c>Holdout/intrusion-b</c>, made by <c>Holdout/generate.py</c>: a shop's web log, two Linux hosts' auth logs and a
/// Windows file server's Sysmon events, with customers, a crawler, an uptime monitor, admins, a CI job and an office
/// workstation around it). The operator must be one campaign (level ≥ medium, autonomy ≥ 0.8, tactics in the order
/// it went through them); nobody else may be a campaign of level ≥ medium or autonomy ≥ 0.5.
/// </summary>
public class HoldoutTests
{
    private const string Operator = "198.51.100.23";

    // Everyone else in the logs: customers, the crawler, the uptime monitor, admins, the CI job, an office user.
    private static readonly string[] Benign =
    [
        "192.0.2.41", "192.0.2.58", "192.0.2.102", "198.51.100.140", "192.0.2.77", "198.51.100.201", "192.0.2.250",
        "192.0.2.30", "192.0.2.31", "192.0.2.60", "mkovacs", "lchen", "ci-runner", "ajones", "ws-0142.corp.example.org",
    ];

    private static readonly string[] OperatorTactics =
        ["reconnaissance", "initial-access", "credential-access", "discovery", "lateral-movement", "collection", "exfiltration"];

    [Fact]
    public async Task The_operator_is_one_autonomous_campaign_and_nobody_else_is_one()
    {
        var folder = Path.Combine(Corpora.RepositoryRoot, "tests", "Parry.Cli.Tests", "Holdout", "intrusion-b");
        var result = await ParryProcess.RunAsync(["hunt", "--format", "jsonl", folder]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = HuntReport.Parse(result.Lines);

        var operation = report.Campaigns.Where(c => c.Involves(Operator)).ToList();
        operation.Count.ShouldBe(1, string.Join("\n", report.Campaigns));
        var campaign = operation[0];
        campaign.Level.ShouldBeGreaterThanOrEqualTo(HuntReport.LevelOf("medium"), campaign.ToString());
        campaign.Autonomy.ShouldBeGreaterThanOrEqualTo(0.8, campaign.ToString());
        HuntReport.InOrder(campaign.Tactics, OperatorTactics).ShouldBeTrue(campaign.ToString());
        // The stolen account on the other hosts is the same operator, not a campaign of its own.
        campaign.Involves("deploy").ShouldBeTrue(campaign.ToString());

        foreach (var other in report.Campaigns.Where(c => c != campaign))
        {
            var benign = Benign.Where(other.Involves).ToList();
            if (benign.Count == 0)
                continue;
            other.Level.ShouldBeLessThan(HuntReport.LevelOf("medium"), other.ToString());
            other.Autonomy.ShouldBeLessThan(0.5, other.ToString());
        }
        campaign.Actors.ShouldNotContain(a => Benign.Contains(a, StringComparer.OrdinalIgnoreCase), campaign.ToString());
    }
}
