using Parry.Core.Events;
using Parry.Detection.Correlation;

namespace Parry.Bench.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// Memory mode: 1,000,000 detections from 1,000,000 distinct source addresses (each its own group) within one
/// window, against the group cap. Detections are made one at a time and dropped by the caller, as a stream
/// would, so what stays on the heap is the run's state (and the one event each group's contributing detection
/// keeps alive). Prints groups held, evictions, and managed heap per group state, with and without that event.
/// <code>correlation-spray [--keys N] [--max-groups G]</code>
/// </summary>
internal static class CorrelationSpray
{
    public static int Run(string[] args)
    {
        int keys = 1_000_000, maxGroups = new CorrelationOptions().MaxGroups;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--keys": keys = int.Parse(args[++i]); break;
                case "--max-groups": maxGroups = int.Parse(args[++i]); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var workload = new CorrelationWorkload(threshold: 5, timespan: "1h");
        var builder = new EventBuilder();
        var output = new List<Detection>();

        // What one retained event costs, measured alone.
        var sample = new Detection[10_000];
        var before = Heap();
        for (var i = 0; i < sample.Length; i++)
            sample[i] = workload.Make(builder, Address(i), i, i);
        var perEvent = (double)(Heap() - before) / sample.Length;
        GC.KeepAlive(sample);
        sample = null;

        before = Heap();
        var run = workload.Set.StartRun(new CorrelationOptions { MaxGroups = maxGroups });
        var peakGroups = 0;
        for (var i = 0; i < keys; i++)
        {
            // One millisecond apart: 1,000,000 keys in 1,000 s, all inside one 1 h window.
            run.Observe(workload.Make(builder, Address(i), i, i), output);
            peakGroups = Math.Max(peakGroups, run.Counters.Groups);
        }
        var held = Heap() - before;
        var c = run.Counters;
        Console.WriteLine($"distinct keys: {keys:N0}, group cap: {maxGroups:N0}");
        Console.WriteLine($"groups held: {c.Groups:N0} (peak {peakGroups:N0}), evicted groups: {c.EvictedGroups:N0}, evicted entries: {c.EvictedEntries:N0}");
        Console.WriteLine($"entries held: {c.BufferedEntries:N0}, pending: {c.Pending:N0}, detections: {output.Count:N0}");
        Console.WriteLine($"managed heap held by the run: {held:N0} bytes");
        // The reorder buffer holds the last `lateness` of detections (and their events) whatever the groups do.
        var pendingBytes = c.Pending * perEvent;
        var perGroup = (held - pendingBytes) / c.Groups;
        Console.WriteLine($"of which waiting detections (reorder buffer): ~{pendingBytes:N0} bytes ({c.Pending:N0} x {perEvent:N0})");
        Console.WriteLine($"per group: ~{perGroup:N0} bytes, of which the event its contributing detection keeps alive ~{perEvent:N0}; group state alone ~{perGroup - perEvent:N0} bytes");
        GC.KeepAlive(run);
        return 0;
    }

    private static string Address(int i) => $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}";

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
