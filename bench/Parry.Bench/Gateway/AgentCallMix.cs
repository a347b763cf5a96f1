using System.Text.Json;
using Parry.Gateway.Decisions;
using Parry.Gateway.Engine;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Bench.Gateway;

/// <summary>
/// A realistic mix of agent tool calls (11 of 16 ordinary coding work, 5 offensive: an in-scope scan, an
/// out-of-scope probe, credential theft, a cloud-metadata read, SQL injection), judged the way the gateway's call
/// gate does it: the built-in and the detection inspector, the policy, the decision told to the inspectors (a held
/// call approved by the operator), and an answer observed for each call that went through — so the record (behaviour,
/// campaigns) does its work too. The detection inspector uses Parry's whole default rule pack.
/// </summary>
internal sealed class AgentCallMix : IAsyncDisposable
{
    public const string PolicyText = """
        scope: { targets: ["10.10.0.0/16", "*.lab.example.com"] }
        on_out_of_scope: deny
        on_decision_point: hold
        decision_level: high
        """;

    private static readonly (string Tool, string Arguments)[] Calls =
    [
        ("run_command", """{"command":"ls -la"}"""),
        ("run_command", """{"command":"git status"}"""),
        ("read_file", """{"path":"src/Program.cs"}"""),
        ("run_command", """{"command":"nmap -sV -p 22,80,443 10.10.0.5"}"""),
        ("run_command", """{"command":"cat README.md"}"""),
        ("run_command", """{"command":"dotnet build -c Release"}"""),
        ("run_command", """{"command":"nc -zv db.internal.corp 5432"}"""),
        ("write_file", """{"path":"src/Util.cs","content":"namespace App;\npublic static class Util { public static int Two() => 2; }\n"}"""),
        ("run_command", """{"command":"git diff HEAD~1 -- src/Program.cs"}"""),
        ("run_command", """{"command":"secretsdump.py corp/admin@10.10.0.5"}"""),
        ("fetch_url", """{"url":"https://app.lab.example.com/api/v1/users?page=2"}"""),
        ("run_command", """{"command":"grep -rn TODO src"}"""),
        ("run_command", """{"command":"curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/"}"""),
        ("read_file", """{"path":"README.md"}"""),
        ("run_command", """{"command":"sqlmap -u 'http://10.10.0.9/item.php?id=1' --batch"}"""),
        ("run_command", """{"command":"dotnet test tests/App.Tests"}"""),
    ];

    private readonly ToolCallRequest[] _requests;
    private readonly GatewayPolicy _policy = PolicyLoader.Load(PolicyText, "bench.yml");
    private readonly DateTimeOffset? _epoch;
    private long _calls;

    /// <param name="sessions">Sessions the calls are spread over.</param>
    /// <param name="sink">Where the record's detections go; null: tracked, not written.</param>
    /// <param name="epoch">Null: calls are timed by the clock. Otherwise call n is received at epoch + n × 100 µs, so
    /// that two runs give the same record (<c>--dump</c>).</param>
    public AgentCallMix(int sessions = 4, Parry.Detection.Reporting.IHuntSink? sink = null, DateTimeOffset? epoch = null)
    {
        _epoch = epoch;
        Detection = GatewayDetection.Load([]);
        Engine = new DetectionInspector(Detection, sink);
        Inspector = new CompositeInspector([new BuiltInInspector(), Engine]);
        _requests = [.. Enumerable.Range(0, sessions).SelectMany(s => Calls.Select(c => new ToolCallRequest(
            "", "session" + s, "stdio", "bench", c.Tool, JsonDocument.Parse(c.Arguments).RootElement.Clone(), "1", DateTimeOffset.UtcNow)
        {
            Client = new ClientIdentity("bench-agent", "1.0"),
        }))];
    }

    public static int Length => Calls.Length;

    public GatewayDetection Detection { get; }

    public IReadOnlyList<ToolCallRequest> Requests => _requests;

    public DetectionInspector Engine { get; }

    public IToolCallInspector Inspector { get; }

    /// <summary>Judges, decides and answers the next call of the mix; returns its action.</summary>
    public PolicyAction Next()
    {
        var n = _calls++;
        var received = _epoch is { } epoch ? epoch.AddTicks(n * 1_000) : DateTimeOffset.UtcNow;
        var request = _requests[n % _requests.Length] with { CallId = n.ToString("x12", System.Globalization.CultureInfo.InvariantCulture), ReceivedAt = received };
        var findings = Inspector.Inspect(request);
        var verdict = PolicyEvaluator.Evaluate(_policy, request, findings, rateLimited: false);
        var now = _epoch is null ? DateTimeOffset.UtcNow : received.AddTicks(500);
        Inspector.Decided(request, new CallDecision(verdict.Action, verdict.Rule, verdict.Reason, now));
        var action = verdict.Action;
        if (action == PolicyAction.Hold)
        {
            Inspector.Decided(request, new CallDecision(PolicyAction.Allow, verdict.Rule, "approved", now)
            {
                Approval = new Parry.Gateway.Approvals.ApprovalOutcome(true, "operator", "bench", TimeSpan.Zero),
            });
            action = PolicyAction.Allow;
        }
        if (action == PolicyAction.Allow)
            Inspector.Observe(request, new ToolCallResult(request.CallId, ToolCallStatus.Ok, false, "text: done", null, now, TimeSpan.FromMilliseconds(1)));
        return verdict.Action;
    }

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
