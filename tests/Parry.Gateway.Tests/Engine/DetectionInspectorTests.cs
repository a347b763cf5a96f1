using Parry.Core.Detections;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Engine;

/// <summary>The detection inspector judging calls: analysis, rules and correlations as findings, under a policy.</summary>
public class DetectionInspectorTests
{
    private const string NetworkScanRule = "78565605-1672-4b56-8377-a46dab83044d";
    private const string CredentialTheftRule = "23ee0b82-a44a-449d-a91c-758fe59bca06";
    private const string ProbeBurst = "7cf83582-112b-4aea-9bf9-63e1ce2f29f3";

    private static string Command(string line) => System.Text.Json.JsonSerializer.Serialize(new { command = line });

    private static string Fetch(string url) => System.Text.Json.JsonSerializer.Serialize(new { url });

    [Theory]
    [InlineData("run_command", """{"command":"ls -la"}""")]
    [InlineData("run_command", """{"command":"cat README.md"}""")]
    [InlineData("run_command", """{"command":"git status"}""")]
    [InlineData("run_command", """{"command":"dotnet build"}""")]
    [InlineData("run_command", """{"command":"git diff HEAD~1 -- src/Program.cs && dotnet test tests/App.Tests"}""")]
    [InlineData("read_file", """{"path":"src/Program.cs"}""")]
    [InlineData("write_file", """{"path":"src/Util.cs","content":"namespace App;\npublic static class Util { public static int Two() => 2; }\n"}""")]
    public async Task Benign_coding_calls_pass_with_no_finding(string tool, string arguments)
    {
        await using var h = new EngineHarness();
        var (findings, verdict, _) = h.Call(tool, arguments);
        findings.ShouldBeEmpty();
        verdict.Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public async Task A_scan_in_scope_passes_with_its_target_behaviour_and_detection()
    {
        await using var h = new EngineHarness();
        var (findings, verdict, _) = h.Call("run_command", Command("nmap -sV -p 22,80 10.10.0.5"));

        verdict.Action.ShouldBe(PolicyAction.Allow, "a medium detection in scope is below decision_level high");
        var target = findings.Single(f => f.Kind == FindingKind.Target);
        (target.TargetKind, target.Target, target.Argument).ShouldBe((TargetKind.Address, "10.10.0.5", "command"));
        var action = findings.Single(f => f.Kind == FindingKind.OffensiveAction);
        action.Summary.ShouldStartWith("network-scan: nmap");
        action.Tags.ShouldContain("attack.t1046");
        var detection = findings.Single(f => f.Kind == FindingKind.Detection);
        (detection.RuleId, detection.Level, detection.Source).ShouldBe((NetworkScanRule, Level.Medium, "sigma"));
        detection.Tags.ShouldContain("attack.reconnaissance");
    }

    [Fact]
    public async Task Credential_theft_in_scope_is_a_decision_point_and_held()
    {
        await using var h = new EngineHarness();
        var (findings, verdict, _) = h.Call("run_command", Command("secretsdump.py corp/admin@10.10.0.5"));

        verdict.Action.ShouldBe(PolicyAction.Hold);
        verdict.Rule.ShouldBe("decision_point:credential-access");
        findings.ShouldContain(f => f.Kind == FindingKind.DecisionPoint && f.Category == DecisionPointCategory.CredentialAccess);
        findings.ShouldContain(f => f.Kind == FindingKind.Detection && f.RuleId == CredentialTheftRule && f.Level == Level.High);
    }

    [Fact]
    public async Task A_host_inside_a_nested_shell_is_checked_against_the_scope()
    {
        await using var h = new EngineHarness();
        var (findings, verdict, _) = h.Call("run_command", Command("bash -c 'cd /tmp && nc -zv db.internal.corp 5432'"));

        verdict.Action.ShouldBe(PolicyAction.Deny);
        verdict.DenialMessage.ShouldBe("parry: denied by rule 'scope': target db.internal.corp (in 'command') is outside the authorised scope");
        findings.ShouldContain(f => f.Kind == FindingKind.OffensiveAction && f.Summary.StartsWith("port-check: netcat-port-check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_both_inspectors_find_is_reported_once()
    {
        await using var h = new EngineHarness();
        var (findings, verdict, _) = h.Call("fetch_url", Fetch("http://198.51.100.7:8080/admin"));
        verdict.Rule.ShouldBe("scope");
        findings.Count(f => f.Kind == FindingKind.Target && f.Target == "198.51.100.7").ShouldBe(1);
        findings.ShouldContain(f => f.Kind == FindingKind.Target && f.TargetKind == TargetKind.Url);
    }

    [Fact]
    public async Task A_correlation_is_on_the_call_that_completes_it_and_holds_the_session_until_an_operator_approves_a_call()
    {
        await using var h = new EngineHarness(TestDetection.WithTestRules());
        for (var port = 8000; port < 8004; port++)
        {
            var (quiet, allowed, _) = h.Call("fetch_url", Fetch($"http://10.10.0.7:{port}/"));
            allowed.Action.ShouldBe(PolicyAction.Allow);
            quiet.ShouldNotContain(f => f.Kind == FindingKind.Detection);
        }

        var (findings, verdict, fifth) = h.Call("fetch_url", Fetch("http://10.10.0.7:8004/"));
        findings.ShouldContain(f => f.Source == "correlation" && f.RuleId == ProbeBurst && f.Level == Level.High);
        verdict.Action.ShouldBe(PolicyAction.Hold);
        verdict.Rule.ShouldBe("detection:" + ProbeBurst);
        h.Resolve(fifth, verdict, approve: false);

        // Denied by the operator: the session stays held, even for a call that is harmless on its own.
        var (held, heldVerdict, sixth) = h.Call("run_command", Command("ls -la"));
        held.ShouldHaveSingleItem().Summary.ShouldContain("this session completed 'Port Probe Burst");
        heldVerdict.Action.ShouldBe(PolicyAction.Hold);
        h.Engine.HeldBy("s1").ShouldBe([ProbeBurst]);

        // Approved: a human has looked at the session, its calls flow again.
        h.Resolve(sixth, heldVerdict, approve: true);
        h.Engine.HeldBy("s1").ShouldBeEmpty();
        var (after, afterVerdict, _) = h.Call("run_command", Command("ls -la"));
        after.ShouldBeEmpty();
        afterVerdict.Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public async Task With_session_hold_off_only_the_completing_call_carries_the_correlation()
    {
        await using var h = new EngineHarness(TestDetection.WithTestRules(), policy: EngineHarness.PolicyText + "\nsession_hold: off\n");
        for (var port = 8000; port < 8005; port++)
            h.Call("fetch_url", Fetch($"http://10.10.0.7:{port}/"));
        var (findings, verdict, _) = h.Call("run_command", Command("ls"));
        findings.ShouldBeEmpty();
        verdict.Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public async Task Another_sessions_correlation_does_not_hold_this_session()
    {
        await using var h = new EngineHarness(TestDetection.WithTestRules());
        for (var port = 8000; port < 8005; port++)
        {
            h.Call("fetch_url", Fetch($"http://10.10.0.7:{port}/"), session: "attacker");
            h.Call("fetch_url", Fetch($"http://10.10.0.8:9000/"), session: "other");
        }
        h.Engine.HeldBy("attacker").ShouldBe([ProbeBurst]);
        h.Engine.HeldBy("other").ShouldBeEmpty();
        h.Call("run_command", Command("ls"), session: "other").Verdict.Action.ShouldBe(PolicyAction.Allow);
    }

    [Fact]
    public async Task Windows_judged_at_their_close_are_closed_by_the_timer_without_new_calls()
    {
        // "No more than 2 scans in 10 s" holds only once the window is over: the clock alone must close it.
        var rule = $"""
            title: A Short Scan Then Silence (gateway test)
            id: 8954f44a-6e5f-473c-a32c-cbd8f5b1dae4
            status: experimental
            correlation:
                type: event_count
                rules: [{NetworkScanRule}]
                group-by: [session]
                timespan: 10s
                condition:
                    lte: 2
            level: high
            """;
        await using var h = new EngineHarness(TestDetection.With(rule));
        h.Call("run_command", Command("nmap -sV 10.10.0.5")).Verdict.Action.ShouldBe(PolicyAction.Allow);
        h.Engine.HeldBy("s1").ShouldBeEmpty();
        h.Time.Advance(TimeSpan.FromSeconds(12));
        h.Engine.HeldBy("s1").ShouldBe(["8954f44a-6e5f-473c-a32c-cbd8f5b1dae4"]);
    }

    [Fact]
    public async Task A_flush_after_the_record_is_complete_returns_at_once()
    {
        await using var h = new EngineHarness();
        h.Call("run_command", """{"command":"ls -la"}""");
        await h.Engine.CompleteAsync();

        await h.Engine.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        h.Engine.Recorded.ShouldBe(1);
    }

    [Fact]
    public async Task Failed_results_feed_correlations_that_hold_the_calls_after_them()
    {
        var rules = """
            title: Failed Agent Tool Call (gateway test)
            id: dd5d8a2e-141d-48f1-be4e-2da3b1738c69
            name: gateway_test_failed_call
            status: experimental
            logsource: {product: mcp, category: tool_call}
            detection:
                selection:
                    result.is_error: 'true'
                condition: selection
            level: informational
            ---
            title: Guess and Retry Through an Agent Tool (gateway test)
            id: a1a1e6f7-c505-4b22-b27a-dae2da6570af
            status: experimental
            correlation:
                type: event_count
                rules: [gateway_test_failed_call]
                group-by: [session, tool]
                timespan: 60s
                condition:
                    gte: 3
            tags: [attack.credential-access, attack.t1110]
            level: high
            """;
        await using var h = new EngineHarness(TestDetection.With(rules));
        for (var i = 0; i < 3; i++)
            h.Call("login", $$"""{"user":"admin{{i}}","host":"app.lab.example.com"}""", result: ToolCallStatus.ToolError).Verdict.Action.ShouldBe(PolicyAction.Allow);
        await h.Engine.FlushAsync();

        var (findings, verdict, _) = h.Call("login", """{"user":"root","host":"app.lab.example.com"}""");
        findings.ShouldContain(f => f.RuleId == "a1a1e6f7-c505-4b22-b27a-dae2da6570af");
        verdict.Action.ShouldBe(PolicyAction.Hold);
    }

    [Fact]
    public async Task Calls_of_many_sessions_are_judged_at_once_each_session_on_its_own()
    {
        await using var h = new EngineHarness(TestDetection.WithTestRules(), policy: EngineHarness.PolicyText + "\nsession_hold: off\n");
        var correlations = new int[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, s =>
        {
            for (var port = 0; port < 50; port++)
            {
                var request = h.Request("fetch_url", Fetch($"http://10.10.0.{s}:{8000 + port}/"), "session" + s);
                var findings = h.Inspector.Inspect(request);
                correlations[s] += findings.Count(f => f.RuleId == ProbeBurst);
                h.Inspector.Decided(request, new CallDecision(PolicyAction.Allow, "default", "no rule objected", request.ReceivedAt));
                h.Answer(request, ToolCallStatus.Ok);
            }
        });
        correlations.ShouldAllBe(n => n == 10, "five distinct ports fire, then the group starts over");
        await h.Engine.CompleteAsync();
        h.Sink.Summary!.Events.ShouldBe(400);
        h.Sink.Detections.Count(d => d.Rule.Id == ProbeBurst).ShouldBe(80);
    }

    [Fact]
    public async Task Pending_calls_are_bounded_and_the_oldest_is_recorded_without_its_result()
    {
        await using var h = new EngineHarness(options: new() { MaxPendingCalls = 2 });
        var first = h.Request("run_command", Command("nmap 10.10.0.5"));
        h.Inspector.Inspect(first);
        h.Inspector.Inspect(h.Request("run_command", Command("ls")));
        h.Inspector.Inspect(h.Request("run_command", Command("ls")));
        await h.Engine.FlushAsync();
        h.Engine.Recorded.ShouldBe(1);
        h.Answer(first, ToolCallStatus.Ok); // too late: recorded already, not twice
        await h.Engine.CompleteAsync();
        h.Engine.Recorded.ShouldBe(3);
        h.Sink.Detections.ShouldHaveSingleItem().Event.Has(TestDetection.Default.Fields.IdOf("result.is_error")).ShouldBeFalse();
    }

    [Fact]
    public async Task Arguments_too_deep_for_an_event_fail_closed_and_are_reported()
    {
        await using var h = new EngineHarness();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 80)) + "1" + new string('}', 80);
        var request = h.Request("run_command", deep);
        Should.Throw<Parry.Core.Events.EventTooLargeException>(() => h.Inspector.Inspect(request));
        h.Inspector.Decided(request, new CallDecision(PolicyAction.Deny, "inspection_failure", "too deep", request.ReceivedAt));
        await h.Engine.CompleteAsync();
        h.Engine.Errors.Count.ShouldBe(1);
        h.Engine.Errors.Kept.Single().Message.ShouldContain("too large for an event");
    }

    [Fact]
    public async Task A_failing_output_is_reported_once_and_calls_are_still_judged()
    {
        var reports = new List<string>();
        await using var engine = new Parry.Gateway.Engine.DetectionInspector(TestDetection.Default, new BrokenSink(),
            new() { CampaignInterval = TimeSpan.FromDays(1) }, new ManualTime(), reports.Add);
        for (var i = 0; i < 3; i++)
        {
            var request = Requests.Call("run_command", """{"command":"nmap 10.10.0.5"}""") with { CallId = "c" + i };
            engine.Inspect(request).ShouldContain(f => f.RuleId == NetworkScanRule);
            engine.Decided(request, new CallDecision(PolicyAction.Deny, "scope", "out", request.ReceivedAt));
        }
        await engine.CompleteAsync();
        reports.Count(r => r.Contains("cannot write the detections output", StringComparison.Ordinal)).ShouldBe(1);
    }

    private sealed class BrokenSink : Parry.Detection.Reporting.IHuntSink
    {
        public void Detection(Parry.Core.Detections.Detection detection) => throw new IOException("disk full");

        public void Campaign(Parry.Core.Campaigns.Campaign campaign) => throw new IOException("disk full");

        public void Complete(Parry.Detection.Reporting.HuntSummary summary) => throw new IOException("disk full");
    }
}
