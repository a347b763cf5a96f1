using System.Diagnostics;
using Parry.Sigma.Matching;

namespace Parry.Bench.Sigma;

/// <summary>
/// <c>sigma-profile [rounds] [--describe] [--rates]</c>: where routed matching spends its time (no profiler on the machine): the literal
/// index lookups alone, then each candidate rule's full evaluation timed on its own, summed per rule over the
/// regression events; prints the split and the rules that cost most. <c>--rates</c>: only the CPU rates, repeated.
/// </summary>
internal static class SigmaProfile
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var inputs = new SigmaInputs();
        var events = inputs.Events;
        var candidates = events.Select((e, i) => inputs.Routed[i].Candidates(e).ToArray()).ToArray();
        var bits = new ulong[2 * 64];
        if (args.Contains("--build"))
        {
            // The cost of building a group's literal index (the hunt builds one per mapping entry on first use).
            foreach (var (name, group) in new[] { ("process_creation", inputs.ProcessCreation), ("all rules", inputs.AllRules) })
            {
                for (var i = 0; i < 3; i++)
                {
                    var before = Process.GetCurrentProcess().TotalProcessorTime;
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    CompiledRuleGroup.Create(group.Rules);
                    Console.WriteLine($"build {name} group ({group.Rules.Count} rules): {(Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds:N2} cpu-s, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:N0} MB allocated");
                }
            }
            return 0;
        }
        if (args.Contains("--describe"))
        {
            foreach (var line in inputs.ProcessCreation.DescribeIndex(inputs.Table))
                Console.WriteLine("  process_creation " + line);
        }

        for (var warm = 0; warm < rounds / 4 + 1; warm++)
            Once(false);
        CpuRate("literal index only", () =>
        {
            for (var i = 0; i < events.Length; i++)
                inputs.Routed[i].MarkForTest(events[i], bits);
        });
        CpuRate("candidate rules only", () =>
        {
            for (var i = 0; i < events.Length; i++)
            {
                foreach (var rule in candidates[i])
                    rule.Matches(events[i]);
            }
        });
        var hits = new List<CompiledRule>();
        CpuRate("routed Match (both)", () =>
        {
            for (var i = 0; i < events.Length; i++)
            {
                hits.Clear();
                inputs.Routed[i].Match(events[i], hits);
            }
        });
        if (args.Contains("--rates"))
        {
            // Only the CPU rates, repeated: on a shared machine the least of several short runs is the steadiest
            // figure to compare two builds by.
            for (var repeat = 0; repeat < 4; repeat++)
            {
                CpuRate("literal index only", () =>
                {
                    for (var i = 0; i < events.Length; i++)
                        inputs.Routed[i].MarkForTest(events[i], bits);
                });
                CpuRate("routed Match (both)", () =>
                {
                    for (var i = 0; i < events.Length; i++)
                    {
                        hits.Clear();
                        inputs.Routed[i].Match(events[i], hits);
                    }
                });
            }
            return 0;
        }
        long markTicks = 0, ruleTicks = 0;
        var perRule = new Dictionary<CompiledRule, (long Ticks, long Calls)>();
        for (var r = 0; r < rounds; r++)
        {
            var (m, t) = Once(true, perRule);
            markTicks += m;
            ruleTicks += t;
        }
        var n = (double)events.Length * rounds;
        Console.WriteLine($"per event: literal index {Stopwatch.GetElapsedTime(0, markTicks).TotalMicroseconds / n:N2} µs, candidate evaluation {Stopwatch.GetElapsedTime(0, ruleTicks).TotalMicroseconds / n:N2} µs (each rule timed: includes ~25 ns timer cost per rule); candidates/event {candidates.Average(c => c.Length):N1}");
        var total = perRule.Values.Sum(v => v.Ticks);
        Console.WriteLine($"{"share",6} {"µs/call",8} {"calls/event",11}  rule");
        foreach (var (rule, (ticks, calls)) in perRule.OrderByDescending(p => p.Value.Ticks).Take(40))
            Console.WriteLine($"{100.0 * ticks / total,5:N1}% {Stopwatch.GetElapsedTime(0, ticks).TotalMicroseconds / calls,8:N2} {calls / (events.Length * (double)rounds),11:N3}  {(rule.IsIndexed ? "" : "[always] ")}{rule.Info.Title} ({rule.Rule.LogSource})");
        return 0;

        void CpuRate(string label, Action round)
        {
            for (var w = 0; w < 200; w++)
                round();
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            for (var r = 0; r < rounds * 5; r++)
                round();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - before).TotalMicroseconds;
            Console.WriteLine($"{label,-24} {cpu / (events.Length * rounds * 5.0),8:N2} µs of CPU per event");
        }

        (long Mark, long Rules) Once(bool timed, Dictionary<CompiledRule, (long, long)>? perRule = null)
        {
            long mark = 0, rules = 0;
            for (var i = 0; i < events.Length; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                inputs.Routed[i].MarkForTest(events[i], bits);
                var t1 = Stopwatch.GetTimestamp();
                mark += t1 - t0;
                foreach (var rule in candidates[i])
                {
                    var s = Stopwatch.GetTimestamp();
                    rule.Matches(events[i]);
                    var d = Stopwatch.GetTimestamp() - s;
                    rules += d;
                    if (perRule is not null)
                    {
                        var (t, c) = perRule.GetValueOrDefault(rule);
                        perRule[rule] = (t + d, c + 1);
                    }
                }
            }
            return (mark, rules);
        }
    }
}
