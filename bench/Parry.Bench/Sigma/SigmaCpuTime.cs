using System.Diagnostics;
using Parry.Core.Events;
using Parry.Sigma.Matching;

namespace Parry.Bench.Sigma;

/// <summary>
/// Sigma matching throughput per core in CPU time (the machine is shared, so wall clock includes waiting for a
/// core), plus load and compile times and what the literal index leaves to evaluate. Run:
/// <c>dotnet run -c Release --project bench/Parry.Bench -- sigma-cputime [seconds per scenario] [scenario words]</c>;
/// with words after the seconds, only the scenarios whose label contains one of them run (e.g. <c>routed</c>).
/// </summary>
internal static class SigmaCpuTime
{
    private static string[] s_only = [];

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        s_only = [.. args.Skip(1)];
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var inputs = new SigmaInputs();
        process.Refresh();
        Console.WriteLine($"load + compile + group: {(process.TotalProcessorTime - cpu).TotalSeconds:N1} cpu-s; rules loaded {inputs.Load.Loaded} of {inputs.Load.Files}, events {inputs.Events.Length}, groups {inputs.Groups.Count}");
        foreach (var (key, group) in inputs.Groups.OrderByDescending(g => g.Value.Rules.Count))
        {
            var events = inputs.Events.Where((_, i) => ReferenceEquals(inputs.Routed[i], group)).ToList();
            Console.WriteLine($"  {key,-40} rules {group.Rules.Count,5}  always {group.AlwaysEvaluated,3}  indexed fields {group.IndexedFields,3}  events {events.Count,4}  candidates/event {events.Average(e => group.Candidates(e).Count()),6:N1}");
        }
        Console.WriteLine($"  {"(all rules, one group)",-40} rules {inputs.AllRules.Rules.Count,5}  always {inputs.AllRules.AlwaysEvaluated,3}  indexed fields {inputs.AllRules.IndexedFields,3}  candidates/event {inputs.Events.Average(e => inputs.AllRules.Candidates(e).Count()),6:N1}");

        var hits = new List<CompiledRule>(64);
        Measure("routed by log source", seconds, inputs.Events.Length, () =>
        {
            for (var i = 0; i < inputs.Events.Length; i++)
            {
                hits.Clear();
                inputs.Routed[i].Match(inputs.Events[i], hits);
            }
        });
        Measure("all rules, one group", seconds, inputs.Events.Length, () =>
        {
            foreach (var e in inputs.Events)
            {
                hits.Clear();
                inputs.AllRules.Match(e, hits);
            }
        });
        Measure("process_creation group", seconds, inputs.ProcessCreationEvents.Length, () =>
        {
            foreach (var e in inputs.ProcessCreationEvents)
            {
                hits.Clear();
                inputs.ProcessCreation.Match(e, hits);
            }
        });
        Measure("process_creation rule by rule", seconds / 4, inputs.ProcessCreationEvents.Length, () =>
        {
            foreach (var e in inputs.ProcessCreationEvents)
            {
                foreach (var rule in inputs.ProcessCreation.Rules)
                    rule.Matches(e);
            }
        });

        MeasureDistinct(inputs, hits, "routed, distinct events matched once", releaseFolded: true);
        MeasureDistinct(inputs, hits, "  (distinct, folded copies kept)", releaseFolded: false);

        // Fresh events fold their text on first use: measure decoding alone, and decoding plus matching.
        if (s_only.Length > 0 && !s_only.Contains("fresh"))
            return 0;
        var decodeOnly = Measure("  (fresh events: decode only)", seconds, inputs.Events.Length, () =>
        {
            foreach (var _ in SigmaInputs.Decode(inputs.RegressionJson, inputs.Table))
            {
            }
        });
        var decodeAndMatch = Measure("  (fresh events: decode + routed match)", seconds, inputs.Events.Length, () =>
        {
            var i = 0;
            foreach (var e in SigmaInputs.Decode(inputs.RegressionJson, inputs.Table))
            {
                hits.Clear();
                inputs.Routed[i++].Match(e, hits);
            }
        });
        Console.WriteLine($"routed match on fresh events (difference): {1 / (1 / decodeAndMatch - 1 / decodeOnly),12:N0} events/cpu-s");
        return 0;
    }

    /// <summary>
    /// Routed matching over 200,000+ distinct events, each matched once, as a hunt meets them: every event folds its
    /// text on first use (and releases the copy after matching, as the hunt does) and none is still in the cache from
    /// an earlier round. The regression data is decoded into that many copies before the clock starts; a smaller set
    /// of copies warms up first. Without <paramref name="releaseFolded"/> every event keeps its folded copy (as before
    /// the hunt released them): each is a new 2.4 KB allocation that the GC finds alive, as the copies are.
    /// </summary>
    private static void MeasureDistinct(SigmaInputs inputs, List<CompiledRule> hits, string label, bool releaseFolded)
    {
        if (!Selected(label))
            return;
        var perCopy = inputs.Events.Length;
        var copies = (200_000 + perCopy - 1) / perCopy;
        Event[][] DecodeCopies(int count) =>
            [.. Enumerable.Range(0, count).Select(_ => SigmaInputs.Decode(inputs.RegressionJson, inputs.Table).ToArray())];
        void MatchAll(Event[][] sets)
        {
            foreach (var set in sets)
            {
                for (var i = 0; i < set.Length; i++)
                {
                    hits.Clear();
                    inputs.Routed[i].Match(set[i], hits);
                    // As the hunt does (FileProducer): the lower-cased copy goes back to the thread for the next event.
                    if (releaseFolded)
                        set[i].ReleaseFoldedText();
                }
            }
        }

        MatchAll(DecodeCopies(copies / 4));
        var measured = DecodeCopies(copies);
        Timed(label, () =>
        {
            MatchAll(measured);
            return (long)copies * perCopy;
        });
        GC.KeepAlive(measured);
    }

    private static double Measure(string label, double seconds, int eventsPerRound, Action round)
    {
        if (!Selected(label))
            return double.NaN;
        // Tiered JIT and the regex engine's lazily built automata take seconds to settle.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Max(2, seconds / 2))
            round();
        return Timed(label, () =>
        {
            var wall = Stopwatch.StartNew();
            long events = 0;
            while (wall.Elapsed.TotalSeconds < seconds)
            {
                round();
                events += eventsPerRound;
            }
            return events;
        });
    }

    private static bool Selected(string label) =>
        s_only.Length == 0 || s_only.Any(o => label.Contains(o, StringComparison.Ordinal));

    // Runs one timed pass (it returns the events it matched) after a full GC, and prints its rate per CPU-second of
    // the whole process, the bytes this thread allocated per event and this thread's own CPU.
    private static double Timed(string label, Func<long> pass)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var threadBefore = ThreadCpuSeconds();
        var gcBefore = GC.GetAllocatedBytesForCurrentThread();
        var events = pass();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - gcBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var thread = ThreadCpuSeconds() - threadBefore;
        var rate = events / cpu;
        Console.WriteLine($"{label,-40} {events,10:N0} events  cpu {cpu,6:N2} s  {rate,12:N0} events/cpu-s  {1e6 / rate,8:N2} µs/event  {(double)allocated / events,8:N1} B/event  (this thread {thread:N2} s)");
        return rate;
    }

    // The measuring thread's own CPU time (Linux: /proc/thread-self/stat, utime + stime in 10-ms clock ticks), to
    // tell the matching loop's cost from other threads' (tiered JIT compiling in the background, the GC).
    private static double ThreadCpuSeconds()
    {
        if (!File.Exists("/proc/thread-self/stat"))
            return double.NaN;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }
}
