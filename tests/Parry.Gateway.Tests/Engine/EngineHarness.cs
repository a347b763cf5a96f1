using System.Text.Json;
using Parry.Core.Campaigns;
using Parry.Detection.Reporting;
using Parry.Gateway.Approvals;
using Parry.Gateway.Decisions;
using Parry.Gateway.Engine;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Engine;

/// <summary>
/// The detection inspector with the built-in one, judged by a policy the way the gateway's call gate does it: inspect,
/// evaluate, tell the inspectors the decision, and observe a result for calls that go through. The clock is the
/// test's.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string PolicyText = """
        scope: { targets: ["10.10.0.0/16", "*.lab.example.com"] }
        on_out_of_scope: deny
        on_decision_point: hold
        decision_level: high
        """;

    private int _calls;

    public EngineHarness(GatewayDetection? detection = null, DetectionInspectorOptions? options = null, string policy = PolicyText)
    {
        Policy = PolicyLoader.Load(policy, "policy.yml");
        Engine = new DetectionInspector(detection ?? TestDetection.Default, Sink,
            (options ?? new DetectionInspectorOptions()) with { SessionHoldLevel = Level },
            Time, Reports.Add);
        Inspector = new CompositeInspector([new BuiltInInspector(), Engine]);
    }

    private Parry.Core.Detections.Level? Level => Policy.SessionHold ? Policy.DecisionLevel : null;

    public GatewayPolicy Policy { get; }

    public ManualTime Time { get; } = new();

    public RecordingSink Sink { get; } = new();

    public List<string> Reports { get; } = [];

    public DetectionInspector Engine { get; }

    public IToolCallInspector Inspector { get; }

    public ToolCallRequest Request(string tool, string arguments, string session = "s1") =>
        new($"call{Interlocked.Increment(ref _calls)}", session, "stdio", "srv", tool,
            JsonDocument.Parse(arguments, new JsonDocumentOptions { MaxDepth = 256 }).RootElement.Clone(),
            _calls.ToString(System.Globalization.CultureInfo.InvariantCulture), Time.GetUtcNow())
        {
            Client = new ClientIdentity("harness", "1"),
        };

    /// <summary>Judges a call; an allowed one is answered with <paramref name="result"/> (default: ok). The clock moves
    /// on by <paramref name="gap"/> first (default 100 ms: machine tempo).</summary>
    public (IReadOnlyList<Finding> Findings, Verdict Verdict, ToolCallRequest Request) Call(string tool, string arguments, string session = "s1",
        ToolCallStatus result = ToolCallStatus.Ok, TimeSpan? gap = null)
    {
        Time.Advance(gap ?? TimeSpan.FromMilliseconds(100));
        var request = Request(tool, arguments, session);
        var findings = Inspector.Inspect(request);
        var verdict = PolicyEvaluator.Evaluate(Policy, request, findings, rateLimited: false);
        Inspector.Decided(request, new CallDecision(verdict.Action, verdict.Rule, verdict.Reason, Time.GetUtcNow()));
        if (verdict.Action == PolicyAction.Allow)
            Answer(request, result);
        return (findings, verdict, request);
    }

    /// <summary>The operator (or the timeout) ends a held call.</summary>
    public void Resolve(ToolCallRequest request, Verdict held, bool approve, string by = "operator")
    {
        var outcome = new ApprovalOutcome(approve, by, approve ? "looked at it" : "no", TimeSpan.FromSeconds(3));
        var verdict = approve
            ? new Verdict(PolicyAction.Allow, held.Rule, "approved by the operator: looked at it")
            : new Verdict(PolicyAction.Deny, held.Rule, "denied by the operator: no");
        Inspector.Decided(request, new CallDecision(verdict.Action, verdict.Rule, verdict.Reason, Time.GetUtcNow()) { Approval = outcome });
        if (approve)
            Answer(request, ToolCallStatus.Ok);
    }

    public void Answer(ToolCallRequest request, ToolCallStatus status)
    {
        var isError = status != ToolCallStatus.Ok;
        Inspector.Observe(request, new ToolCallResult(request.CallId, status, isError, isError ? null : "text: done",
            isError ? "refused" : null, Time.GetUtcNow(), TimeSpan.FromMilliseconds(5)));
    }

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();

    /// <summary>What the detections output would have received.</summary>
    public sealed class RecordingSink : IHuntSink
    {
        private readonly Lock _gate = new();

        public List<Parry.Core.Detections.Detection> Detections { get; } = [];

        public List<Campaign> Campaigns { get; } = [];

        public HuntSummary? Summary { get; private set; }

        public void Detection(Parry.Core.Detections.Detection detection)
        {
            lock (_gate)
                Detections.Add(detection);
        }

        public void Campaign(Campaign campaign)
        {
            lock (_gate)
                Campaigns.Add(campaign);
        }

        public void Complete(HuntSummary summary)
        {
            Summary.ShouldBeNull("the summary is written once, last");
            Summary = summary;
        }
    }
}
