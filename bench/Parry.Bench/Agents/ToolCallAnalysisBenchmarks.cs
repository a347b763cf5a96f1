using BenchmarkDotNet.Attributes;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Agents.Events;
using Parry.Core.Events;

namespace Parry.Bench.Agents;

/// <summary>
/// What the gateway pays per tools/call for understanding it: the whole analysis (argument roles, shell parsing and
/// unwrapping, every recogniser, targets), and the analysis plus the tool-call event. Reported per call.
/// </summary>
[MemoryDiagnoser]
public class ToolCallAnalysisBenchmarks
{
    private ToolCall[] _mix = [];
    private ToolCall[] _corpus = [];
    private ToolCallAnalyzer _analyzer = null!;
    private ToolCallEventFactory _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mix = ToolCallSamples.HandWritten();
        _corpus = ToolCallSamples.SweAgentSteps();
        _analyzer = ToolCallAnalyzer.Default;
        var fields = new FieldTableBuilder();
        foreach (var name in ToolCallFields.All)
            fields.Intern(name);
        _factory = new ToolCallEventFactory(fields.Build(), _analyzer);
        foreach (var call in _mix.Concat(_corpus))
            _analyzer.Analyze(call);
    }

    [Benchmark(OperationsPerInvoke = 30)]
    public int AnalyzeHandWrittenMix()
    {
        var findings = 0;
        foreach (var call in _mix)
            findings += _analyzer.Analyze(call).Findings.Count;
        return findings;
    }

    [Benchmark(OperationsPerInvoke = 205)]
    public int AnalyzeSweAgentSteps()
    {
        var findings = 0;
        foreach (var call in _corpus)
            findings += _analyzer.Analyze(call).Findings.Count;
        return findings;
    }

    [Benchmark(OperationsPerInvoke = 30)]
    public int AnalyzeAndBuildEvents()
    {
        var nodes = 0;
        var origin = new EventOrigin("bench", 1);
        foreach (var call in _mix)
            nodes += _factory.Create(call, origin).NodeCount;
        return nodes;
    }
}
