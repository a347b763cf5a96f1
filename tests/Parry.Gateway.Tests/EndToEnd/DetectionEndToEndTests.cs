using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Parry.Gateway.Approvals;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.EndToEnd;

/// <summary>
/// The whole gateway with Parry's detection engine, as a user runs it: the official C# SDK client starts
/// <c>parry gateway --rules … --detections … -- test-server</c>, an operator decides held calls with the real
/// <c>parry approvals</c>, and <c>parry hunt</c> reads the audit log afterwards. The test server's tools only echo
/// what they are asked: the "attack" is text, nothing is run or reached.
/// </summary>
public class DetectionEndToEndTests
{
    private const string Policy = """
        scope: { targets: ["10.10.0.0/16"] }
        on_out_of_scope: deny
        on_decision_point: hold
        decision_level: high
        approval_timeout: 60s
        """;

    private const string NetworkScan = "78565605-1672-4b56-8377-a46dab83044d";
    private const string CredentialTheft = "23ee0b82-a44a-449d-a91c-758fe59bca06";
    private const string Exploitation = "34967a22-03ac-4b21-a857-c2fc59616393";
    private const string ProbeBurst = "7cf83582-112b-4aea-9bf9-63e1ce2f29f3";

    private static readonly string[] Benign =
    [
        "ls -la", "cat README.md", "git status", "dotnet build", "git diff HEAD~1 -- src/Program.cs",
    ];

    [Fact]
    public async Task An_intrusion_through_innocent_looking_calls_is_scoped_held_correlated_audited_and_hunted()
    {
        using var dir = new TempDirectory();
        var (audit, control, detections, calls) = (dir.File("audit.jsonl"), dir.File("ctl.sock"), dir.File("detections.jsonl"), dir.File("calls.log"));
        await using (var client = await StartAsync(dir, detections, calls))
        {
            // Ordinary coding work passes untouched.
            foreach (var line in Benign)
                (await RunAsync(client, line)).ShouldBe("would run: " + line);
            (await TextAsync(client.CallToolAsync("read_file", Args("path", "src/Program.cs")))).ShouldBe("would read: src/Program.cs");

            // Probing a host outside the engagement, one small call at a time: denied, naming the rule and the reason.
            (await DeniedAsync(client.CallToolAsync("run_command", Args("command", "nc -zv db.internal.corp 5432"))))
                .ShouldContain("parry: denied by rule 'scope': target db.internal.corp (in 'command') is outside the authorised scope");
            (await DeniedAsync(client.CallToolAsync("run_command", Args("command", "nmap -Pn -p 443 198.51.100.20"))))
                .ShouldContain("parry: denied by rule 'scope': target 198.51.100.20 (in 'command') is outside the authorised scope");

            // In scope: the scan passes; the credential theft and the exploit are held for a human.
            (await RunAsync(client, "nmap -sV -p 22,80 10.10.0.5")).ShouldBe("would run: nmap -sV -p 22,80 10.10.0.5");

            var dump = RunAsync(client, "secretsdump.py corp/admin@10.10.0.5");
            var heldDump = await WaitForHeldAsync(control, "secretsdump");
            heldDump.Rule.ShouldBe("decision_point:credential-access");
            await DecideAsync(control, heldDump, approve: true, "the client asked for it");
            (await dump).ShouldBe("would run: secretsdump.py corp/admin@10.10.0.5");

            const string Exploit = "msfconsole -q -x 'use exploit/multi/http/struts2_content_type_ognl; set RHOSTS 10.10.0.5; run'";
            var exploit = client.CallToolAsync("run_command", Args("command", Exploit));
            var heldExploit = await WaitForHeldAsync(control, "msfconsole");
            heldExploit.Rule.ShouldBe("decision_point:exploitation");
            await DecideAsync(control, heldExploit, approve: false, "not in this window");
            (await DeniedAsync(exploit)).ShouldContain("parry: denied by rule 'decision_point:exploitation': denied by the operator: not in this window");

            // A port scan cut into single fetches: each alone passes, the fifth port completes the correlation.
            for (var port = 8000; port < 8004; port++)
                (await TextAsync(client.CallToolAsync("fetch_url", Args("url", $"http://10.10.0.7:{port}/")))).ShouldStartWith("would fetch:");
            var fifth = client.CallToolAsync("fetch_url", Args("url", "http://10.10.0.7:8004/"));
            var heldBurst = await WaitForHeldAsync(control, "8004");
            heldBurst.Rule.ShouldBe("detection:" + ProbeBurst);
            heldBurst.Findings.ShouldContain(f => f.Contains("Port Probe Burst", StringComparison.Ordinal));
            await DecideAsync(control, heldBurst, approve: false, "a scan");
            (await DeniedAsync(fifth)).ShouldContain($"parry: denied by rule 'detection:{ProbeBurst}'");

            // The session stays held after the correlation: even `ls` waits for a human, and an approval releases it.
            var ls = RunAsync(client, "ls -la");
            var heldLs = await WaitForHeldAsync(control, "ls -la");
            heldLs.Rule.ShouldBe("detection:" + ProbeBurst);
            heldLs.Findings.ShouldContain(f => f.Contains("this session completed 'Port Probe Burst", StringComparison.Ordinal));
            await DecideAsync(control, heldLs, approve: true, "looked at the session");
            (await ls).ShouldBe("would run: ls -la");
            (await RunAsync(client, "git status")).ShouldBe("would run: git status");
        }

        // The server saw exactly the calls that were allowed or approved.
        File.ReadAllLines(calls).Select(l => l.Split('\t')[1]).ShouldBe(
        [
            .. Benign, "src/Program.cs", "nmap -sV -p 22,80 10.10.0.5", "secretsdump.py corp/admin@10.10.0.5",
            "http://10.10.0.7:8000/", "http://10.10.0.7:8001/", "http://10.10.0.7:8002/", "http://10.10.0.7:8003/", "ls -la", "git status",
        ]);

        // Every decision is audited with the findings that drove it.
        await StdioHarness.WaitUntilAsync(() => EndToEndScenario.Decisions(audit).Count == 22, "every decision is audited");
        var decisions = EndToEndScenario.Decisions(audit);
        decisions.Select(d => (d.GetProperty("decision").GetString(), d.GetProperty("rule").GetString())).ShouldBe(
        [
            .. Enumerable.Repeat<(string?, string?)>(("allow", "default"), 6),
            ("deny", "scope"), ("deny", "scope"),
            ("allow", "default"),
            ("hold", "decision_point:credential-access"), ("allow", "decision_point:credential-access"),
            ("hold", "decision_point:exploitation"), ("deny", "decision_point:exploitation"),
            .. Enumerable.Repeat<(string?, string?)>(("allow", "default"), 4),
            ("hold", "detection:" + ProbeBurst), ("deny", "detection:" + ProbeBurst),
            ("hold", "detection:" + ProbeBurst), ("allow", "detection:" + ProbeBurst),
            ("allow", "default"),
        ]);
        decisions.Take(6).ShouldAllBe(d => d.GetProperty("findings").GetArrayLength() == 0, "benign calls have no finding");
        RuleIds(decisions[7]).ShouldContain(NetworkScan, "the out-of-scope scan is also a detection");
        Targets(decisions[7]).ShouldContain("198.51.100.20");
        RuleIds(decisions[8]).ShouldBe([NetworkScan]);
        Levels(decisions[8]).ShouldContain("medium");
        RuleIds(decisions[9]).ShouldContain(CredentialTheft);
        Categories(decisions[9]).ShouldContain("credential-access");
        RuleIds(decisions[11]).ShouldContain(Exploitation);
        Categories(decisions[11]).ShouldContain("exploitation");
        decisions[12].GetProperty("approval").GetProperty("by").GetString().ShouldBe("operator");
        decisions[12].GetProperty("approval").GetProperty("reason").GetString().ShouldBe("not in this window");
        var burst = decisions[17].GetProperty("findings").EnumerateArray()
            .Single(f => f.TryGetProperty("rule_id", out var id) && id.GetString() == ProbeBurst);
        (burst.GetProperty("source").GetString(), burst.GetProperty("level").GetString()).ShouldBe(("correlation", "high"));
        RuleIds(decisions[19]).ShouldBe([ProbeBurst], "the held `ls` carries the session's correlation, nothing of its own");
        decisions[21].GetProperty("findings").GetArrayLength().ShouldBe(0, "after an approval the session's calls flow again");

        // Hunting the audit log afterwards: the same session as a campaign, the one the live gateway wrote.
        await StdioHarness.WaitUntilAsync(() => Lines(detections).Any(l => Type(l) == "summary"), "the gateway wrote its summary at the end");
        var session = decisions[0].GetProperty("session").GetString();
        var live = Lines(detections).Last(l => Type(l) == "campaign" && ActorOf(l) == session);
        var hunt = await ParryCli.RunAsync("hunt", audit, "--rules", TestDetection.RulesFolder, "--format", "jsonl", "--input-format", "parry-audit");
        hunt.ExitCode.ShouldBe(0, hunt.Stderr);
        var hunted = Lines(hunt.Stdout.Split('\n')).Single(l => Type(l) == "campaign" && ActorOf(l) == session);
        Level(hunted).ShouldBeOneOf("medium", "high", "critical");
        var tactics = hunted.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()).ToList();
        tactics.ShouldContain("credential-access");
        tactics.ShouldContain("reconnaissance");
        tactics.ShouldContain("initial-access");
        Comparable(hunted).ShouldBe(Comparable(live));
        var huntedRules = Lines(hunt.Stdout.Split('\n')).Where(l => Type(l) == "detection").Select(l => l.GetProperty("rule_id").GetString()).ToList();
        huntedRules.ShouldContain(ProbeBurst);
        huntedRules.ShouldBe(Lines(detections).Where(l => Type(l) == "detection").Select(l => l.GetProperty("rule_id").GetString()).ToList());
    }

    [Fact]
    public async Task A_coding_session_passes_with_no_finding_and_no_detection()
    {
        using var dir = new TempDirectory();
        var detections = dir.File("detections.jsonl");
        await using (var client = await StartAsync(dir, detections, dir.File("calls.log")))
        {
            foreach (var line in Benign.Concat(["dotnet test tests/App.Tests", "grep -rn TODO src", "mkdir -p build && cp README.md build/"]))
                (await RunAsync(client, line)).ShouldBe("would run: " + line);
            foreach (var path in new[] { "README.md", "src/Program.cs", "tests/App.Tests/AppTests.cs" })
                (await TextAsync(client.CallToolAsync("read_file", Args("path", path)))).ShouldBe("would read: " + path);
        }
        await StdioHarness.WaitUntilAsync(() => Lines(detections).Any(l => Type(l) == "summary"), "the gateway wrote its summary at the end");
        var decisions = EndToEndScenario.Decisions(dir.File("audit.jsonl"));
        decisions.Count.ShouldBe(11);
        decisions.ShouldAllBe(d => d.GetProperty("decision").GetString() == "allow" && d.GetProperty("findings").GetArrayLength() == 0);
        Lines(detections).Select(Type).ShouldBe(["summary"]);
        Lines(detections).Single().GetProperty("events").GetInt64().ShouldBe(11);
    }

    private static async Task<McpClient> StartAsync(TempDirectory dir, string detections, string calls)
    {
        File.WriteAllText(dir.File("policy.yml"), Policy);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "parry",
            Command = TestPaths.Parry,
            Arguments = TestPaths.ParryArguments(
            [
                "gateway", "--policy", dir.File("policy.yml"), "--audit", dir.File("audit.jsonl"),
                "--control", dir.File("ctl.sock"), "--rules", TestDetection.RulesFolder, "--detections", detections,
                "--", .. Servers.TestServerStdio(calls),
            ]),
        });
        return await McpClient.CreateAsync(transport, EndToEndScenario.Options("2025-11-25"));
    }

    private static Dictionary<string, object?> Args(string name, string value) => new() { [name] = value };

    private static Task<string> RunAsync(McpClient client, string command) =>
        TextAsync(client.CallToolAsync("run_command", Args("command", command)));

    private static async Task<string> TextAsync(ValueTask<CallToolResult> call)
    {
        var result = await call;
        result.IsError.ShouldNotBe(true);
        return ((TextContentBlock)result.Content.Single()).Text;
    }

    private static async Task<string> DeniedAsync(ValueTask<CallToolResult> call) =>
        (await Should.ThrowAsync<McpException>(call.AsTask())).Message;

    private static async Task<PendingApproval> WaitForHeldAsync(string control, string argumentText)
    {
        using var client = new ControlClient(control);
        PendingApproval? held = null;
        await StdioHarness.WaitUntilAsync(() =>
        {
            held = client.ListAsync().GetAwaiter().GetResult().Pending.SingleOrDefault(p => p.Arguments.Contains(argumentText, StringComparison.Ordinal));
            return held is not null;
        }, $"the call with {argumentText} is held");
        return held!;
    }

    /// <summary>The operator's decision through the real <c>parry approvals</c> command.</summary>
    private static async Task DecideAsync(string control, PendingApproval held, bool approve, string reason)
    {
        var result = await ParryCli.RunAsync("approvals", approve ? "approve" : "deny", held.Id, "--reason", reason, "--control", control);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    private static List<string?> RuleIds(JsonElement decision) => Of(decision, "rule_id");

    private static List<string?> Levels(JsonElement decision) => Of(decision, "level");

    private static List<string?> Categories(JsonElement decision) => Of(decision, "category");

    private static List<string?> Targets(JsonElement decision) => Of(decision, "target");

    private static List<string?> Of(JsonElement decision, string property) =>
        [.. decision.GetProperty("findings").EnumerateArray().Where(f => f.TryGetProperty(property, out _)).Select(f => f.GetProperty(property).GetString())];

    private static List<JsonElement> Lines(string path) => File.Exists(path) ? Lines(File.ReadAllLines(path)) : [];

    private static List<JsonElement> Lines(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static string? Type(JsonElement line) => line.GetProperty("type").GetString();

    private static string? Level(JsonElement line) => line.GetProperty("level").GetString();

    private static string? ActorOf(JsonElement campaign) => campaign.GetProperty("actor").GetProperty("value").GetString();

    // Where the events were read from differs (the live gateway versus the audit file); everything else must match,
    // the distinct-count estimates included (their hashes are the same in every process).
    private static string Comparable(JsonElement campaign)
    {
        var fields = new Dictionary<string, object?>();
        foreach (var p in campaign.EnumerateObject())
        {
            if (p.Name != "sources")
                fields[p.Name] = p.Value;
        }
        return JsonSerializer.Serialize(fields);
    }
}
