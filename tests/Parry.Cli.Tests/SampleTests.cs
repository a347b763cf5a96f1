using System.Text.Json;
using Parry.TestSupport;

namespace Parry.Cli.Tests;

/// <summary>
/// The bundled sample (samples/: a web access log, a central auth log, Windows Sysmon and Security events) hunted
/// with the default rule pack exactly as a user would run it, <c>parry hunt samples/ --format jsonl</c>, against the
/// issue's bar: the intruder is one campaign, at least medium, autonomy at least 0.8, its tactics in kill-chain
/// order as they happened; the people and the crawler make no campaign of medium level or autonomy 0.5.
/// </summary>
public class SampleTests
{
    private const string Intruder = "203.0.113.77";

    private static readonly string[] KillChainAsItHappened =
        ["reconnaissance", "initial-access", "credential-access", "discovery", "lateral-movement", "collection", "exfiltration"];

    // Every actor of the ordinary activity in the sample: shoppers (with page assets, logins, typos), the crawler,
    // the deploy pipeline, administrators and developers on ssh and the file server, office workstations.
    private static readonly HashSet<(string Kind, string Value)> OrdinaryActors =
    [
        ("ip", "198.51.100.14"), ("ip", "198.51.100.27"), ("ip", "198.51.100.35"), ("ip", "2001:db8:4:2::19"),
        ("ip", "198.51.100.61"), ("ip", "198.51.100.88"), ("ip", "198.51.100.102"), ("ip", "192.0.2.44"),
        ("ip", "192.0.2.50"), ("ip", "198.51.100.23"), ("ip", "10.0.0.5"), ("ip", "10.0.5.37"), ("ip", "10.0.5.52"),
        ("ip", "10.0.5.71"), ("ip", "10.0.5.12"),
        ("user", "deploy"), ("user", "jmartin"), ("user", "priya"), ("user", "alice.ng"), ("user", "bob.kowalski"),
        ("user", "chen.li"), ("user", "jmartin-adm"),
        ("host", "ws-hr-07.corp.example.com"), ("host", "ws-fin-02.corp.example.com"), ("host", "ws-ops-11.corp.example.com"),
    ];

    private static readonly Lazy<Task<IReadOnlyList<JsonElement>>> s_output = new(HuntSampleAsync);

    private static async Task<IReadOnlyList<JsonElement>> HuntSampleAsync()
    {
        var result = await ParryProcess.RunInAsync(Corpora.RepositoryRoot, "hunt", "samples/", "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return [.. result.Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static async Task<IReadOnlyList<JsonElement>> Campaigns() =>
        [.. (await s_output.Value).Where(r => r.GetProperty("type").GetString() == "campaign")];

    private static IEnumerable<(string Kind, string Value)> ActorsOf(JsonElement campaign) =>
        new[] { campaign.GetProperty("actor") }.Concat(campaign.GetProperty("linked_actors").EnumerateArray())
            .Select(a => (a.GetProperty("kind").GetString()!, a.GetProperty("value").GetString()!));

    private static int LevelOf(JsonElement campaign) => HuntReport.LevelOf(campaign.GetProperty("level").GetString()!);

    private static double AutonomyOf(JsonElement campaign) => campaign.GetProperty("autonomy").GetProperty("score").GetDouble();

    [Fact]
    public async Task The_sample_decodes_cleanly_with_the_whole_pack()
    {
        var summary = (await s_output.Value).Last();
        summary.GetProperty("type").GetString().ShouldBe("summary");
        // The three logs; the folder walk leaves the README out (documentation, not a log).
        summary.GetProperty("files").GetInt64().ShouldBe(3);
        summary.GetProperty("errors").GetArrayLength().ShouldBe(0, summary.GetProperty("errors").ToString());
        summary.GetProperty("rules_rejected").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task The_intruder_is_one_campaign_across_web_auth_and_windows_logs()
    {
        var campaigns = (await Campaigns()).Where(c => ActorsOf(c).Contains(("ip", Intruder))).ToList();

        var campaign = campaigns.ShouldHaveSingleItem();
        // The address that guessed its way in and the account it then used on the file server are one actor.
        ActorsOf(campaign).ShouldContain(("user", "svc-backup"));
        campaign.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["json", "syslog", "webserver"], ignoreOrder: true);
        ActorsOf(campaign).Where(OrdinaryActors.Contains).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_intruder_campaign_is_at_least_medium_and_reads_as_autonomous()
    {
        var campaign = (await Campaigns()).Single(c => ActorsOf(c).Contains(("ip", Intruder)));

        LevelOf(campaign).ShouldBeGreaterThanOrEqualTo(HuntReport.LevelOf("medium"), campaign.GetProperty("summary").GetString());
        AutonomyOf(campaign).ShouldBeGreaterThanOrEqualTo(0.8, campaign.GetProperty("autonomy").ToString());
    }

    [Fact]
    public async Task The_intruder_tactics_are_in_kill_chain_order_as_they_happened()
    {
        var campaign = (await Campaigns()).Single(c => ActorsOf(c).Contains(("ip", Intruder)));

        campaign.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()).ShouldBe(KillChainAsItHappened);
        var timeline = campaign.GetProperty("timeline").EnumerateArray()
            .Select(s => (Tactic: s.GetProperty("tactic").GetString(), First: s.GetProperty("first_seen").GetDateTimeOffset()))
            .ToList();
        timeline.Select(s => s.Tactic).ShouldBe(KillChainAsItHappened);
        timeline.Select(s => s.First).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task People_and_the_crawler_make_no_serious_or_autonomous_campaign()
    {
        var ordinary = (await Campaigns()).Where(c => ActorsOf(c).Any(OrdinaryActors.Contains)).ToList();

        ordinary.Where(c => LevelOf(c) >= HuntReport.LevelOf("medium") || AutonomyOf(c) >= 0.5)
            .Select(c => c.GetProperty("summary").GetString())
            .ShouldBeEmpty();
    }
}
