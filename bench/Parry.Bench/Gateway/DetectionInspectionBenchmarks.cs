using BenchmarkDotNet.Attributes;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Agents.Events;
using Parry.Core.Events;
using Parry.Gateway.Engine;
using Parry.Gateway.Policy;

namespace Parry.Bench.Gateway;

/// <summary>
/// The full inspector on the gateway's path, in process: "judge" is one call of <see cref="AgentCallMix"/> (analysis,
/// every default rule, judging correlations, policy, decision, result); the stages below it split the first three
/// over the same 16 calls. The record of completed calls runs on the inspector's own thread and is not in these times:
/// <c>gateway-inspect-cputime</c> measures the whole process's CPU per call. Target: at least 50,000 calls per second
/// per core, i.e. at most 20 µs per call.
/// </summary>
[MemoryDiagnoser]
public class DetectionInspectionBenchmarks
{
    private const int Mix = 16;

    private AgentCallMix _mix = null!;
    private GatewayDetection _detection = null!;
    private ToolCallEventFactory _factory = null!;
    private ToolCall[] _calls = null!;
    private ToolCallAnalysis[] _analyses = null!;
    private Event[] _events = null!;
    private readonly List<Parry.Core.Detections.Detection> _hits = [];

    [GlobalSetup]
    public void Setup()
    {
        _mix = new AgentCallMix();
        _detection = _mix.Detection;
        _factory = new ToolCallEventFactory(_detection.Fields, _detection.Analyzer);
        _calls = [.. _mix.Requests.Take(Mix).Select(r => new ToolCall
        {
            Tool = r.Tool,
            Server = r.Server,
            Session = r.SessionId,
            ClientName = r.Client.Name,
            ClientVersion = r.Client.Version,
            RequestId = r.RequestId,
            Arguments = r.Arguments,
            Started = r.ReceivedAt,
        })];
        _analyses = [.. _calls.Select(_detection.Analyzer.Analyze)];
        _events = [.. _calls.Select((c, i) => _factory.Create(c, _analyses[i], new EventOrigin("bench", i)))];
    }

    [GlobalCleanup]
    public void Cleanup() => _mix.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "judge one call of the mix (full inspector, default rules)", OperationsPerInvoke = Mix)]
    public int JudgeMix()
    {
        var allowed = 0;
        for (var i = 0; i < Mix; i++)
            allowed += _mix.Next() == PolicyAction.Allow ? 1 : 0;
        return allowed;
    }

    [Benchmark(Description = "stage: analyse the call (Parry.Agents)", OperationsPerInvoke = Mix)]
    public int Analyse()
    {
        var n = 0;
        for (var i = 0; i < Mix; i++)
            n += _detection.Analyzer.Analyze(_calls[i]).Findings.Count;
        return n;
    }

    [Benchmark(Description = "stage: build the event", OperationsPerInvoke = Mix)]
    public int BuildEvent()
    {
        var n = 0;
        for (var i = 0; i < Mix; i++)
            n += _factory.Create(_calls[i], _analyses[i], new EventOrigin("bench", i)).Has(0) ? 1 : 0;
        return n;
    }

    [Benchmark(Description = "stage: match every default rule", OperationsPerInvoke = Mix)]
    public int Match()
    {
        var n = 0;
        for (var i = 0; i < Mix; i++)
        {
            _hits.Clear();
            _detection.Matcher.Match(_events[i], _hits);
            n += _hits.Count;
        }
        return n;
    }
}
