using BenchmarkDotNet.Attributes;
using Parry.Detection.Correlation;

namespace Parry.Bench.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// One event_count correlation fed 1,000,000 pre-built detections (1,000 source addresses, one detection per ms of
/// event time, 30 s lateness, 10 min window). Threshold 100: every address fires every 100 of its events (10,000
/// detections); threshold 5000: never reached, the steady state of counting. Per operation = per detection.
/// <code>dotnet run -c Release --project bench/Parry.Bench -- --filter '*EventCount*'</code>
/// </summary>
[MemoryDiagnoser]
public class EventCountBenchmarks
{
    private const int Count = 1_000_000;
    private CorrelationWorkload _workload = null!;
    private Detection[] _detections = [];
    private CorrelationRun _run = null!;
    private readonly List<Detection> _output = new(16_384);

    [Params(100, 5000)]
    public int Threshold { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new CorrelationWorkload(Threshold);
        _detections = _workload.Detections(Count, 1000);
    }

    [IterationSetup]
    public void StartRun()
    {
        _run = _workload.Set.StartRun();
        _output.Clear();
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Observe()
    {
        foreach (var d in _detections)
            _run.Observe(d, _output);
        return _output.Count;
    }
}
