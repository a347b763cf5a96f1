using Parry.Core.Events;
using Parry.Detection.Hunting;
using Parry.Detection.Rules;
using Parry.Detection.Reporting;
using Parry.Ingest;
using Parry.Ingest.LogSources;
using Parry.Ingest.Sources;
using Parry.Ingest.Text;
using Parry.Ingest.Web;

namespace Parry.Bench.Pipeline;

/// <summary>
/// <c>hunt-parts [--no-default-rules] [--rules DIR]... ACCESS.LOG</c>: the CPU of a one-thread web hunt split by
/// stage, each pass adding one stage to the one before (read lines, parse, build events, classify and name actors,
/// Sigma matching and activity, the consumer into a sink that drops what it gets; the CLI's jsonl writing is
/// the difference to a whole <c>parry hunt</c>), after one warm-up pass of the whole so rule groups
/// are built and tiered code settled. A stage's cost is the difference between its pass and the one before.
/// </summary>
internal static class HuntParts
{
    public static int Run(string[] args)
    {
        var arguments = RuleArguments.Parse(args, defaultRules: true);
        var path = arguments.Rest.LastOrDefault();
        if (path is null)
        {
            Console.Error.WriteLine("usage: hunt-parts [--no-default-rules] [--rules DIR]... ACCESS.LOG");
            return 2;
        }

        var started = ProcessCpu.Seconds();
        var rules = arguments.Load();
        var map = LogSourceMap.Load();
        var fields = new FieldTableBuilder();
        // A classifier of its own (the matcher's is private) to time classification and actors apart from rules;
        // made before the matcher freezes the field table, so its field ids are the events' ones.
        var classifier = new LogSourceClassifier<EntrySet>(map, fields, set => set);
        var (matcher, correlations) = CompiledRuleSet.Compile(rules, map, fields);
        Console.WriteLine($"rules {rules.Loaded}; load + compile {ProcessCpu.Seconds() - started:N2} cpu-s");

        var errors = new ErrorCollector(100, e => Console.Error.WriteLine(e));
        var context = new DecodeContext(matcher.Fields, errors) { MaxDegreeOfParallelism = 1 };
        var source = new InputSource(path, () => File.OpenRead(path));
        var format = new WebAccessLogFormat();
        var hits = new List<Parry.Core.Detections.Detection>();

        long Lines(bool parse)
        {
            using var stream = File.OpenRead(path);
            using var lines = new LineReader(stream, context.MaxRecordBytes);
            using var utf8 = new Utf8Decoder();
            long n = 0;
            while (lines.Read(out var bytes) != LineStatus.End)
            {
                var text = utf8.Decode(bytes);
                if (!parse || AccessLogParser.TryParse(text, out _))
                    n++;
            }
            return n;
        }
        long Events(Action<Event> each)
        {
            long n = 0;
            foreach (var e in format.Read(source, context))
            {
                each(e);
                n++;
            }
            return n;
        }
        long Hunt()
        {
            var consumer = new HuntConsumer(new NullSink(), new HuntOptions(), correlations, errors);
            var n = Events(e =>
            {
                hits.Clear();
                var activity = matcher.Match(e, hits);
                if (hits.Count > 0 || activity is not null)
                    consumer.Consume(hits, activity, e.Timestamp?.UtcTicks ?? long.MinValue);
            });
            consumer.Finish();
            return n;
        }

        Measure("warm-up (whole hunt)", Hunt);
        var steps = new (string Label, Func<long> Pass)[]
        {
            ("read lines (+UTF-8)", () => Lines(parse: false)),
            ("+ parse access-log line", () => Lines(parse: true)),
            ("+ build events", () => Events(_ => { })),
            ("+ classify, actors", () => Events(e => classifier.Classify(e).ActorsOf(e))),
            ("decode + match + activity", () => Events(e => { hits.Clear(); matcher.Match(e, hits); })),
            ("+ consumer", Hunt),
        };
        var previous = 0.0;
        foreach (var (label, pass) in steps)
        {
            var (_, us) = Measure(label, pass);
            Console.WriteLine($"{"",-30} stage {us - previous,6:N2} µs/line");
            previous = us;
        }
        return 0;

        static (double Cpu, double Us) Measure(string label, Func<long> pass)
        {
            GC.Collect();
            var before = ProcessCpu.Seconds();
            var lines = pass();
            var spent = ProcessCpu.Seconds() - before;
            Console.WriteLine($"{label,-30} {lines,10:N0} lines {spent,6:N2} cpu-s {lines / spent,10:N0} lines/cpu-s {spent * 1e6 / lines,6:N2} µs/line");
            return (spent, spent * 1e6 / lines);
        }
    }

    private sealed class NullSink : IHuntSink
    {
        public void Detection(Parry.Core.Detections.Detection detection)
        {
        }

        public void Campaign(Parry.Core.Campaigns.Campaign campaign)
        {
        }

        public void Complete(HuntSummary summary)
        {
        }
    }
}
