using Parry.Detection.Hunting;
using Parry.Detection.Tests.Rules;
using Parry.Ingest.Sources;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Hunting;

/// <summary>One EVTX file on several threads is decoded and matched chunk by chunk on the same worker, the chunks'
/// outcomes merged back in record order: it must report exactly what the inline one-thread hunt reports.</summary>
public class ThreadedEvtxHuntTests
{
    [Theory]
    [InlineData("Discovery/discovery_meterpreter_ps_cmd_process_listing_sysmon_10.evtx")] // many chunks
    [InlineData("Credential Access/sysmon_10_11_outlfank_dumpert_and_andrewspecial_memdump.evtx")] // one chunk, 8 detections
    public async Task An_evtx_file_on_two_threads_reports_what_one_thread_reports(string sample)
    {
        var path = Path.Combine(Corpora.EvtxAttackSamples, sample);

        var inline = await Hunt(path, threads: 1);
        var fused = await Hunt(path, threads: 2);

        inline.Sink.Summary!.Events.ShouldBeGreaterThan(0);
        inline.Sink.Detections.Count.ShouldBeGreaterThan(0);
        Describe(fused.Sink).ShouldBe(Describe(inline.Sink));
        fused.Sink.Summary!.Events.ShouldBe(inline.Sink.Summary.Events);
        fused.Sink.Summary.Bytes.ShouldBe(new FileInfo(path).Length);
        fused.Sink.Summary.EventsBySource.ShouldBe(inline.Sink.Summary.EventsBySource);
        fused.Errors.Count.ShouldBe(inline.Errors.Count);
    }

    private static async Task<(CollectingSink Sink, ErrorCollector Errors)> Hunt(string path, int threads)
    {
        var pack = CompiledPack.Default;
        var errors = new ErrorCollector(100);
        var sources = InputDiscovery.Discover([path], errors).ToList();
        var sink = new CollectingSink();
        var run = new HuntRun(pack.Matcher, pack.Correlations, pack.Detector.Reader(),
            new HuntOptions { MaxDegreeOfParallelism = threads }, TimeProvider.System);
        await run.RunAsync(sources, sink, errors);
        return (sink, errors);
    }

    private static string[] Describe(CollectingSink sink) =>
    [
        .. sink.Detections.Select(d => $"{d.Rule.Id} {d.Event.Origin} {d.Actor} {d.Timestamp:O}"),
        .. sink.Campaigns.Select(c => $"campaign {c.Actor} {c.Detections}"),
    ];
}
