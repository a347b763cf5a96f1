using System.Diagnostics;
using Parry.Detection.Correlation;

namespace Parry.Bench.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// Steady-state mode for one event_count correlation: a warm-up pass over the first half of the detections, then
/// the second half timed on one thread with the bytes allocated on that thread counted.
/// <code>correlation-steady [--events N] [--groups G] [--threshold K]</code>
/// </summary>
internal static class CorrelationSteadyState
{
    public static int Run(string[] args)
    {
        int events = 2_000_000, groups = 1000, threshold = 5000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events": events = int.Parse(args[++i]); break;
                case "--groups": groups = int.Parse(args[++i]); break;
                case "--threshold": threshold = int.Parse(args[++i]); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var workload = new CorrelationWorkload(threshold);
        var detections = workload.Detections(events, groups);
        var run = workload.Set.StartRun();
        var output = new List<Detection>(1 << 20);
        var half = events / 2;
        for (var i = 0; i < half; i++)
            run.Observe(detections[i], output);
        var firedBefore = output.Count;

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = half; i < events; i++)
            run.Observe(detections[i], output);
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;

        var measured = events - half;
        Console.WriteLine($"detections observed (timed): {measured:N0}");
        Console.WriteLine($"groups: {groups:N0}, threshold: {threshold:N0}, correlation detections in timed half: {output.Count - firedBefore:N0}");
        Console.WriteLine($"elapsed: {elapsed.TotalMilliseconds:N1} ms, {measured / elapsed.TotalSeconds:N0} detections/s (wall clock)");
        // On a shared machine the wall clock includes waiting for a core; process CPU time does not.
        Console.WriteLine($"process CPU: {cpu.TotalMilliseconds:N1} ms, {measured / cpu.TotalSeconds:N0} detections per CPU-second");
        Console.WriteLine($"allocated in timed half: {allocated:N0} bytes ({(double)allocated / measured:N3} bytes/detection)");
        Console.WriteLine($"state: {run.Counters.Groups:N0} groups, {run.Counters.BufferedEntries:N0} entries, {run.Counters.Pending:N0} pending");
        return 0;
    }
}
