using System.Text;
using BenchmarkDotNet.Attributes;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Decisions;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.JsonRpc;
using Parry.Gateway.Policy;

namespace Parry.Bench.Gateway;

/// <summary>
/// The gateway's judging path for one tools/call, in process: index the JSON-RPC message, read the call, extract
/// targets, apply the policy (tool rules, rate limit, scope), and write the audit record (to a file, flushed).
/// Target: at least 50,000 calls per second per core, i.e. at most 20 µs per call.
/// </summary>
[MemoryDiagnoser]
public class InspectionBenchmarks
{
    private const string Policy = """
        scope:
          targets: ["10.10.0.0/16", "lab.example.com", "*.lab.example.com", "https://app.lab.example.com/"]
        on_out_of_scope: deny
        on_decision_point: hold
        tools:
          - { tool: "shell_*", action: deny }
          - { tool: "crack_*", action: hold }
        rate_limits:
          per_session: { per_second: 1000000, per_minute: 60000000 }
        """;

    private static readonly byte[] Call = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":4711,"method":"tools/call","params":{"name":"fetch_url","arguments":{"url":"https://app.lab.example.com/api/v1/users?page=2","headers":{"Accept":"application/json","Authorization":"Bearer abcdefghijklmnopqrstuvwxyz0123456789"},"timeout":30,"host":"db.lab.example.com","note":"check the user listing for the engagement report"}}}""");

    private CallGate _gate = null!;
    private CallGate _auditedGate = null!;
    private SessionState _session = null!;
    private GatewayPolicy _policy = null!;
    private ToolCallRequest _request = null!;
    private IReadOnlyList<Finding> _findings = null!;
    private string _auditPath = "";
    private JsonRpcMessage _index;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.Load(Policy, "bench.yml");
        _gate = new CallGate(Runtime(AuditLog.Disabled(TimeProvider.System)));
        _auditPath = Path.Combine(Path.GetTempPath(), $"parry-bench-audit-{Environment.ProcessId}.jsonl");
        _auditedGate = new CallGate(Runtime(AuditLog.OpenFile(_auditPath, TimeProvider.System)));
        _session = _gate.Runtime.NewSession("bench", "stdio", "bench-server");
        _index = JsonRpcParser.Parse(Call);
        var judgement = _gate.Judge(_session, Call, _index);
        _request = judgement.Call!.Request;
        _findings = judgement.Call.Findings;
        if (judgement.Action != PolicyAction.Allow || _findings.Count != 2)
            throw new InvalidOperationException($"the benchmark call should be allowed with 2 targets (a URL, a host), got {judgement.Action} with {_findings.Count}");
    }

    private GatewayRuntime Runtime(AuditLog audit) =>
        new(_policy, new BuiltInInspector(), audit, new ApprovalQueue(TimeProvider.System), TimeProvider.System,
            new Parry.Gateway.Hosting.Diagnostics(TextWriter.Null), GatewayLimits.Default);

    [GlobalCleanup]
    public void Cleanup()
    {
        _auditedGate.Runtime.Audit.Dispose();
        File.Delete(_auditPath);
    }

    [Benchmark(Description = "index the JSON-RPC message")]
    public int Parse() => JsonRpcParser.Parse(Call).Params.Length;

    [Benchmark(Description = "extract targets (built-in inspector)")]
    public IReadOnlyList<Finding> Extract() => _gate.Runtime.Inspector.Inspect(_request);

    [Benchmark(Description = "apply the policy to findings")]
    public Verdict Evaluate() => PolicyEvaluator.Evaluate(_policy, _request, _findings, rateLimited: false);

    [Benchmark(Baseline = true, Description = "judge a call (no audit)")]
    public PolicyAction Judge() => _gate.Judge(_session, Call, JsonRpcParser.Parse(Call)).Action;

    [Benchmark(Description = "judge a call + audit record flushed to a file")]
    public PolicyAction JudgeAudited() => _auditedGate.Judge(_session, Call, JsonRpcParser.Parse(Call)).Action;
}
