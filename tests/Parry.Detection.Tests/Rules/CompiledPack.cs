using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Detection.Hunting;
using Parry.Detection.Matching;
using Parry.Detection.Rules;
using Parry.Ingest.Evtx;
using Parry.Ingest.Formats;
using Parry.Ingest.LogSources;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces;
using Parry.Sigma.Loading;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Rules;

/// <summary>
/// Parry's rule pack loaded and compiled once, the way <c>parry hunt</c> does it (Cli's HuntJob and Setup): the
/// embedded pack through <see cref="RuleSetLoader"/>, the built-in log-source map, correlations compiled before the
/// matcher freezes the field table, and the real format detector. Immutable and shared; each hunt has its own run.
/// </summary>
internal sealed class CompiledPack
{
    private static readonly Lazy<CompiledPack> s_default = new(() => new CompiledPack());

    // Syslog falls back on the clock only for RFC 3164 lines without a year; a fixed clock keeps runs repeatable.
    private static readonly TimeProvider Clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private CompiledPack()
    {
        Loaded = RuleSetLoader.Load([], includeDefaultPack: true, new SigmaLoadOptions());
        var map = LogSourceMap.Load();
        var fields = new FieldTableBuilder();
        Correlations = CorrelationSet.Compile(Loaded.Correlations, fields, new LogSourceFieldMapping(map));
        Matcher = new SigmaEventMatcher(Loaded.Rules, map, fields);
        Detector = new FormatDetector([new EvtxFormat(), .. TraceFormats.All(), .. BuiltInFormats.Create(Clock)]);
        ReportedIds = Loaded.Rules.Where(r => r.GeneratesDetections).Select(r => r.Id)
            .Concat(Loaded.Correlations.Where(c => c.GeneratesDetections).Select(c => c.Id))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static CompiledPack Default => s_default.Value;

    public SigmaLoadResult Loaded { get; }

    public CorrelationSet Correlations { get; }

    public SigmaEventMatcher Matcher { get; }

    public FormatDetector Detector { get; }

    /// <summary>Ids of the rules and correlations whose detections a hunt reports.</summary>
    public IReadOnlySet<string> ReportedIds { get; }

    /// <summary>Hunts a file or folder with the pack, as <c>parry hunt PATH</c> would.</summary>
    public async Task<(CollectingSink Sink, ErrorCollector Errors)> HuntAsync(string path)
    {
        var errors = new ErrorCollector(100);
        var sources = InputDiscovery.Discover([path], errors).ToList();
        var sink = new CollectingSink();
        var run = new HuntRun(Matcher, Correlations, (source, context) => Detector.Read(source, context),
            new HuntOptions { MaxDegreeOfParallelism = 1 }, TimeProvider.System);
        await run.RunAsync(sources, sink, errors, rulesLoaded: Loaded.Loaded, rulesRejected: Loaded.Rejected.Count);
        return (sink, errors);
    }
}
