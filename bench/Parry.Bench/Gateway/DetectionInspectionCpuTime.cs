using System.Diagnostics;
using System.Globalization;
using Parry.Gateway.Policy;

namespace Parry.Bench.Gateway;

/// <summary>
/// CPU time per call of the full inspector, every thread of the process counted (the judging on the caller's thread
/// and the record — behaviour, record correlations, campaigns — on the inspector's own), over <see cref="AgentCallMix"/>.
/// On a shared, loaded machine CPU time is steadier than wall-clock time.
/// With <c>--rate</c> the calls are paced (the sender sleeps between due times), as at the gateway, where the record's
/// thread wakes for each call instead of finding a queue of them.
/// With <c>--dump PATH</c> the calls are timed from a fixed epoch and the record's detections are written to PATH, to
/// compare two builds' output with <c>cmp</c>.
/// Usage: Parry.Bench gateway-inspect-cputime [--calls N] [--warmup N] [--rate PER_SECOND] [--dump PATH]
/// </summary>
internal static class DetectionInspectionCpuTime
{
    public static int Run(string[] args)
    {
        var calls = Option(args, "--calls", 400_000);
        var warmup = Option(args, "--warmup", 50_000);
        var rate = Option(args, "--rate", 0); // calls per second, paced as the gateway sees them; 0: as fast as possible
        var interval = rate > 0 ? Stopwatch.Frequency / (double)rate : 0;
        var load = Stopwatch.StartNew();
        var dumpAt = Array.IndexOf(args, "--dump");
        using var dump = dumpAt >= 0 && dumpAt + 1 < args.Length ? new StreamWriter(args[dumpAt + 1]) : null;
        var mix = dump is null
            ? new AgentCallMix()
            : new AgentCallMix(sink: new DetectionDumpSink(dump), epoch: new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Console.WriteLine($"loaded Parry's rule pack and compiled the inspector in {load.Elapsed.TotalSeconds:0.0} s");
        var actions = new Dictionary<PolicyAction, long>();
        for (var i = 0; i < warmup; i++)
            mix.Next();
        mix.Engine.FlushAsync().GetAwaiter().GetResult();

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var thread0 = ThreadCpu();
        var threads0 = ThreadsCpu();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: false);
        var paused0 = GC.GetTotalPauseDuration();
        var judgingAllocated0 = GC.GetAllocatedBytesForCurrentThread();
        int[] collections0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var wall = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            while (interval > 0 && Stopwatch.GetTimestamp() < start + (long)(i * interval))
                Thread.Sleep(1);
            var action = mix.Next();
            actions[action] = actions.GetValueOrDefault(action) + 1;
        }
        var judged = wall.Elapsed;
        var judgingThread = ThreadCpu() - thread0;
        var judgingAllocated = GC.GetAllocatedBytesForCurrentThread() - judgingAllocated0;
        mix.Engine.FlushAsync().GetAwaiter().GetResult();
        var elapsed = wall.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated0;
        var paused = GC.GetTotalPauseDuration() - paused0;
        var threads = ThreadsCpu();
        var lastGc = GC.GetGCMemoryInfo();
        var perThread = threads
            .Select(t => (t.Key.Name, Cpu: t.Value - threads0.GetValueOrDefault(t.Key)))
            .Where(t => t.Cpu > TimeSpan.Zero)
            .GroupBy(t => t.Name, (name, all) => (Name: name, Cpu: all.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Cpu)))
            .OrderByDescending(t => t.Cpu)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Cpu.TotalMicroseconds / calls:0.00}"));
        var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections0[g]));
        mix.DisposeAsync().AsTask().GetAwaiter().GetResult();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {calls} calls ({AgentCallMix.Length}-call mix over 4 sessions{(rate > 0 ? $", paced at {rate}/s" : ", as fast as possible")}) after {warmup} warm-up calls; {Environment.ProcessorCount} cores; load average {LoadAverage()}
            verdicts: {string.Join(", ", actions.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))} (holds approved at once)
            judging thread: {judgingThread.TotalMicroseconds / calls:0.00} µs CPU per call -> {calls / judgingThread.TotalSeconds:0} calls/s per core (wall {judged.TotalMicroseconds / calls:0.00} µs per call)
            whole process incl. the record: {cpu.TotalMicroseconds / calls:0.00} µs CPU per call -> {calls / cpu.TotalSeconds:0} calls/s per core (wall to the record flushed {elapsed.TotalSeconds:0.00} s)
            allocated (every thread): {allocated / (double)calls:0} bytes per call, {judgingAllocated / (double)calls:0} of them on the judging thread; collections gen0/gen1/gen2: {collections}; GC pauses {paused.TotalMilliseconds:0} ms = {paused.TotalMicroseconds / calls:0.00} µs per call (wall); last GC: gen{lastGc.Generation}, promoted {lastGc.PromotedBytes / 1e6:0.0} MB, heap {lastGc.HeapSizeBytes / 1e6:0.0} MB
            CPU per call by thread (µs; threads of one name summed): {string.Join(", ", perThread)}
            recorded: {mix.Engine.Recorded} calls; record errors: {mix.Engine.Errors.Count}
            """));
        return 0;
    }

    // The calling thread's own CPU time (Linux: /proc/thread-self/stat, utime + stime in clock ticks of 10 ms).
    private static TimeSpan ThreadCpu()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    // Every thread's CPU time by (id, name), from /proc/self/task: the judging thread, parry-record, the GC's and the
    // thread pool's, so that the record's share and the collector's are seen apart.
    private static Dictionary<(int Id, string Name), TimeSpan> ThreadsCpu()
    {
        var cpu = new Dictionary<(int, string), TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                cpu[(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), name)] = TimeSpan.FromMilliseconds(ticks * 10);
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }
        return cpu;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
