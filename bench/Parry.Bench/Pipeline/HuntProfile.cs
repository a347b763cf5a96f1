using Parry.Core.Campaigns;
using Parry.Core.Events;
using Parry.Detection.Hunting;
using Parry.Detection.Rules;
using Parry.Detection.Reporting;
using Parry.Ingest;
using Parry.Ingest.Evtx;
using Parry.Ingest.Formats;
using Parry.Ingest.LogSources;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces;

namespace Parry.Bench.Pipeline;

/// <summary>
/// <c>hunt-profile [--default-rules] [--rules DIR]... PATH...</c>: where one thread of <c>parry hunt</c> spends its
/// CPU (no profiler on the machine), as stopwatch splits of the same pieces the CLI wires: decoding alone (with the
/// hunt's field table), decoding + classification and Sigma matching (<see cref="SigmaEventMatcher"/>), and that plus
/// the consumer (correlation, behaviour, campaigns) into a sink that only counts. Each pass reads the inputs afresh.
/// </summary>
internal static class HuntProfile
{
    public static int Run(string[] args)
    {
        var arguments = RuleArguments.Parse(args, defaultRules: false);
        var paths = arguments.Rest;
        var cpu = ProcessCpu.Seconds();
        var rules = arguments.Load();
        var map = LogSourceMap.Load();
        var (matcher, correlations) = CompiledRuleSet.Compile(rules, map);
        Console.WriteLine($"rules {rules.Loaded} loaded, {rules.Rejected.Count} rejected; field table {matcher.Fields.Count} names; load + compile {ProcessCpu.Seconds() - cpu:N2} cpu-s");
        var detector = new FormatDetector([new EvtxFormat(), .. TraceFormats.All(), .. BuiltInFormats.Create(TimeProvider.System)]);
        var errors = new ErrorCollector(100, e => Console.Error.WriteLine(e));
        var sources = InputDiscovery.Discover(paths, errors).ToList();
        var bytes = sources.Sum(s => new FileInfo(s.DisplayPath).Length);
        var context = new DecodeContext(matcher.Fields, errors) { MaxDegreeOfParallelism = 1 };
        IEnumerable<Event> All() => sources.SelectMany(s => detector.Read(s, context));

        var hits = new List<Parry.Core.Detections.Detection>();
        // A first pass builds the rule groups (lazily, per mapping entry) and warms the JIT.
        var sink = new CountingSink();
        long Whole()
        {
            var consumer = new HuntConsumer(sink, new HuntOptions(), correlations, errors);
            long n = 0;
            foreach (var e in All())
            {
                hits.Clear();
                var activity = matcher.Match(e, hits);
                consumer.Consume(hits.Count == 0 ? [] : [.. hits], activity, e.Timestamp?.UtcTicks ?? long.MinValue);
                n++;
            }
            consumer.Finish();
            return n;
        }
        Measure("first pass (groups built)", Whole);
        for (var warm = 0; warm < 2; warm++)
            Whole(); // tiered JIT: later passes run optimised code
        sink.Detections = 0;
        var decode = Measure("decode only", () => { long n = 0; foreach (var _ in All()) n++; return n; });
        var match = Measure("decode + match", () =>
        {
            long n = 0;
            foreach (var e in All())
            {
                hits.Clear();
                matcher.Match(e, hits);
                n++;
            }
            return n;
        });
        var whole = Measure("decode + match + consumer", Whole);
        var threads = Environment.GetEnvironmentVariable("HUNT_THREADS") is { } t ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 1;
        // HUNT_ALLOC_TYPES=1: what the threaded run allocates, by type, on every thread (sampled by the runtime).
        using var sampler = Environment.GetEnvironmentVariable("HUNT_ALLOC_TYPES") is "1" ? new AllocationSampler() : null;
        Measure($"HuntRun, {threads} thread(s)", () =>
        {
            var run = new HuntRun(matcher, correlations, (source, c) => detector.Read(source, c),
                new HuntOptions
                {
                    MaxDegreeOfParallelism = threads,
                    BatchSize = Environment.GetEnvironmentVariable("HUNT_BATCH") is { } b ? int.Parse(b, System.Globalization.CultureInfo.InvariantCulture) : new HuntOptions().BatchSize,
                }, TimeProvider.System);
            return run.RunAsync(sources, new CountingSink(), errors).GetAwaiter().GetResult().Events;
        });
        sampler?.Print(25);
        Console.WriteLine($"input {sources.Count} files, {bytes / 1e6:N1} MB; detections per pass {sink.Detections:N0}");
        Console.WriteLine($"per event: decode {decode.Us:N2} µs, match {match.Us - decode.Us:N2} µs, consumer {whole.Us - match.Us:N2} µs of CPU");
        Console.WriteLine($"decode {bytes / 1e6 / decode.Cpu:N1} MB/cpu-s; whole {bytes / 1e6 / whole.Cpu:N1} MB/cpu-s = {100 * decode.Cpu / whole.Cpu:N0}% of decode-only");
        return 0;

        (double Cpu, double Us) Measure(string label, Func<long> pass)
        {
            GC.Collect();
            var before = ProcessCpu.Seconds();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var events = pass();
            var spent = ProcessCpu.Seconds() - before;
            Console.WriteLine($"{label,-28} {events,10:N0} events  {spent,6:N2} cpu-s  {events / spent,10:N0} events/cpu-s  {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)events,8:N0} B/event");
            return (spent, spent * 1e6 / events);
        }
    }

    private sealed class CountingSink : IHuntSink
    {
        public long Detections { get; set; }

        public void Detection(Parry.Core.Detections.Detection detection) => Detections++;

        public void Campaign(Campaign campaign)
        {
        }

        public void Complete(HuntSummary summary)
        {
        }
    }
}
