using System.Text;
using System.Text.Json;
using Parry.Core.Campaigns;
using Parry.Detection.Hunting;
using Parry.Gateway.Engine;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Support;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces.Formats;

namespace Parry.Gateway.Tests.Engine;

/// <summary>
/// The live gateway's record of a session — detections, correlations, campaigns — is what <c>parry hunt</c> finds in
/// its audit log afterwards: the same events (redacted, with results and decisions), the same detections, the same
/// campaign to the tick and the autonomy score. Real test server over stdio, the gateway in process.
/// </summary>
public class RecordMatchesHuntTests
{
    [Fact]
    public async Task The_live_record_of_a_session_is_what_a_hunt_of_its_audit_log_finds()
    {
        var detection = TestDetection.WithTestRules();
        var sink = new EngineHarness.RecordingSink();
        var reports = new List<string>();
        var engine = new DetectionInspector(detection, sink, new DetectionInspectorOptions { CampaignInterval = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, reports.Add);
        string auditPath;
        string session;
        await using (var gateway = StdioHarness.Start(PolicyLoader.Load(EngineHarness.PolicyText, "p.yml"),
            inspector: new CompositeInspector([new BuiltInInspector(), engine])))
        {
            await gateway.InitializeAsync();
            var id = 1;
            async Task<JsonElement> CallAsync(string tool, object arguments)
            {
                var requestId = id++;
                await gateway.SendAsync(StdioHarness.ToolCall(requestId, tool, JsonSerializer.Serialize(arguments)));
                return await gateway.ResponseAsync(requestId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            async Task<JsonElement> HeldAsync(string tool, object arguments, bool approve)
            {
                var requestId = id++;
                await gateway.SendAsync(StdioHarness.ToolCall(requestId, tool, JsonSerializer.Serialize(arguments)));
                await StdioHarness.WaitUntilAsync(() => gateway.Runtime.Approvals.Count == 1, tool + " is held");
                var held = gateway.Runtime.Approvals.List().Single();
                (approve ? gateway.Runtime.Approvals.Approve(held.Id, "checked") : gateway.Runtime.Approvals.Deny(held.Id, "not now")).ShouldBeTrue();
                return await gateway.ResponseAsync(requestId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            (await CallAsync("run_command", new { command = "ls -la" })).TryGetProperty("result", out _).ShouldBeTrue();
            await CallAsync("run_command", new { command = "nmap -sV -p 22,80 10.10.0.5" });
            for (var port = 8000; port < 8004; port++)
                await CallAsync("fetch_url", new { url = $"http://10.10.0.7:{port}/" });
            (await HeldAsync("fetch_url", new { url = "http://10.10.0.7:8004/" }, approve: false)).GetProperty("error").GetProperty("message").GetString()!
                .ShouldContain("denied by the operator");
            (await HeldAsync("fetch_url", new { url = "http://10.10.0.5/login?user=admin&password=hunter2" }, approve: true))
                .TryGetProperty("result", out _).ShouldBeTrue();
            await CallAsync("fail", new { attempt = "admin:admin@10.10.0.5" });
            (await CallAsync("run_command", new { command = "nc -zv db.internal.corp 5432" })).GetProperty("error").GetProperty("message").GetString()!
                .ShouldContain("rule 'scope'");
            await gateway.SendAsync("""{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"arguments":{}}}""");
            await gateway.ResponseAsync("99");
            await HeldAsync("run_command", new { command = "secretsdump.py corp/admin@10.10.0.5" }, approve: true);
            await Task.Delay(500); // a campaign tick or two while the session runs
            (await gateway.CloseClientAsync()).ShouldBe(0);
            await engine.CompleteAsync();
            auditPath = Path.Combine(Path.GetTempPath(), $"parry-record-{Guid.NewGuid():N}.jsonl");
            File.Copy(gateway.AuditPath, auditPath);
            session = gateway.Audit()[0].GetProperty("session").GetString()!;
        }

        try
        {
            var hunted = new EngineHarness.RecordingSink();
            var errors = new ErrorCollector(100);
            var run = new HuntRun(detection.Matcher, detection.Correlations, (source, context) => new GatewayAuditFormat().Read(source, context),
                new HuntOptions(), TimeProvider.System);
            await run.RunAsync([new InputSource(auditPath, () => File.OpenRead(auditPath))], hunted, errors);
            errors.Kept.ShouldBeEmpty();
            reports.ShouldBeEmpty();

            sink.Summary!.Events.ShouldBe(hunted.Summary!.Events);
            Describe(sink.Detections).ShouldBe(Describe(hunted.Detections));
            sink.Detections.ShouldContain(d => d.Rule.Id == "7cf83582-112b-4aea-9bf9-63e1ce2f29f3", "the probe burst is in the record");
            Encoding.UTF8.GetString(Json(sink.Detections)).ShouldNotContain("hunter2");

            // Campaign lines were written as the session ran; the last one per campaign is the final state.
            sink.Campaigns.Count.ShouldBeGreaterThan(1);
            var live = sink.Campaigns.Last(c => c.Actor.Value == session);
            var offline = hunted.Campaigns.Single(c => c.Actor.Value == session);
            Describe(live).ShouldBe(Describe(offline));
            (live.Level >= Parry.Core.Detections.Level.Medium).ShouldBeTrue();
            live.Tactics.ShouldContain("credential-access");
        }
        finally
        {
            File.Delete(auditPath);
        }
    }

    private static List<string> Describe(IEnumerable<Parry.Core.Detections.Detection> detections) =>
        [.. detections.Select(d => $"{d.Rule.Id} {d.Timestamp:O} {d.Actor} {Encoding.UTF8.GetString(Json([d]))}")];

    private static byte[] Json(IEnumerable<Parry.Core.Detections.Detection> detections)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var detection in detections)
                detection.Event.WriteJson(writer);
            writer.WriteEndArray();
        }
        return stream.ToArray();
    }

    private static string Describe(Campaign c) => string.Join("\n",
        c.Id, c.Actor, c.FirstSeen.ToString("O"), c.LastSeen.ToString("O"), string.Join(",", c.Tactics), string.Join(",", c.Techniques),
        c.Detections, c.Events, string.Join(",", c.Targets), c.Level, c.Autonomy.Score.ToString("R"),
        string.Join(";", c.Autonomy.Signals.Select(s => $"{s.Name}={s.Value:R}/{s.Fired}")),
        string.Join(";", c.Timeline.Select(t => $"{t.Tactic}@{t.FirstSeen:O}x{t.Detections}:{t.ExampleRule}")),
        string.Join(",", c.LinkedActors), c.Summary);
}
