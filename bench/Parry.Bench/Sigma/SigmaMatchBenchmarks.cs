using BenchmarkDotNet.Attributes;
using Parry.Sigma.Matching;

namespace Parry.Bench.Sigma;

/// <summary>
/// Matching the SigmaHQ rules against the 238 regression events. Each benchmark is one pass over its events;
/// OperationsPerInvoke makes BenchmarkDotNet report the time per event.
/// <c>dotnet run -c Release --project bench/Parry.Bench -- --filter '*SigmaMatchBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 15)]
public class SigmaMatchBenchmarks
{
    private SigmaInputs _inputs = null!;
    private readonly List<CompiledRule> _hits = new(64);

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new SigmaInputs();
        // Warm the events' lazily folded text (the first rule to read a value does that in the pipeline) and the
        // regex engine's lazily built automata.
        for (var i = 0; i < 200; i++)
            RoutedByLogSource();
    }

    /// <summary>Each event against its log source's rules (what the pipeline does).</summary>
    [Benchmark(OperationsPerInvoke = 238)]
    public int RoutedByLogSource()
    {
        var events = _inputs.Events;
        var total = 0;
        for (var i = 0; i < events.Length; i++)
        {
            _hits.Clear();
            _inputs.Routed[i].Match(events[i], _hits);
            total += _hits.Count;
        }
        return total;
    }

    /// <summary>Each event against all 3,755 rules at once (no log-source index).</summary>
    [Benchmark(OperationsPerInvoke = 238)]
    public int AllRulesOneGroup()
    {
        var total = 0;
        foreach (var e in _inputs.Events)
        {
            _hits.Clear();
            _inputs.AllRules.Match(e, _hits);
            total += _hits.Count;
        }
        return total;
    }

    /// <summary>The Sysmon process-creation events against the ~1,600 process_creation rules.</summary>
    [Benchmark(OperationsPerInvoke = 151)]
    public int ProcessCreationGroup()
    {
        var total = 0;
        foreach (var e in _inputs.ProcessCreationEvents)
        {
            _hits.Clear();
            _inputs.ProcessCreation.Match(e, _hits);
            total += _hits.Count;
        }
        return total;
    }

    /// <summary>The same, rule by rule without the literal index: what the index saves.</summary>
    [Benchmark(OperationsPerInvoke = 151)]
    public int ProcessCreationRuleByRule()
    {
        var total = 0;
        var rules = _inputs.ProcessCreation.Rules;
        foreach (var e in _inputs.ProcessCreationEvents)
        {
            foreach (var rule in rules)
            {
                if (rule.Matches(e))
                    total++;
            }
        }
        return total;
    }
}
