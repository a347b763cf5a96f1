using System.Diagnostics;
using System.Threading.Channels;
using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Detection.Matching;
using Parry.Detection.Reporting;
using Parry.Ingest;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Detection.Hunting;

/// <summary>
/// One hunt over a set of input files: every file decoded and matched on the thread pool, the outcomes merged into
/// event-time order, and handed to one consumer that reports to the sink. Per-run state lives here; the matcher
/// and the decoders it is given are shared and immutable.
/// </summary>
public sealed class HuntRun(
    IEventMatcher matcher,
    CorrelationSet correlations,
    IEventReader reader,
    HuntOptions options,
    TimeProvider time)
{
    /// <summary>A hunt over events decoded by <paramref name="read"/> (matched in batches on the thread pool).</summary>
    public HuntRun(
        IEventMatcher matcher,
        CorrelationSet correlations,
        Func<InputSource, DecodeContext, IEnumerable<Event>> read,
        HuntOptions options,
        TimeProvider time)
        : this(matcher, correlations, EventReader.From(read), options, time)
    {
    }

    public async Task<HuntSummary> RunAsync(
        IReadOnlyList<InputSource> sources,
        IHuntSink sink,
        ErrorCollector errors,
        IHuntProgress? progress = null,
        int rulesLoaded = 0,
        int rulesRejected = 0,
        CancellationToken cancellation = default)
    {
        var started = time.GetTimestamp();
        var counters = new HuntCounters();
        var consumer = new HuntConsumer(sink, options, correlations, errors);
        var totalBytes = sources.Sum(SizeOf);
        var eventsBySource = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        for (var first = 0; first < sources.Count; first += options.MaxFilesMerged)
        {
            var group = sources.Skip(first).Take(options.MaxFilesMerged).ToList();
            // One file: its chunks and batches get every core. Several: each file gets one, the files share them.
            var single = group.Count == 1;
            var context = new DecodeContext(matcher.Fields, errors)
            {
                MaxDegreeOfParallelism = single ? options.MaxDegreeOfParallelism : 1,
                Cancellation = cancellation,
            };
            if (single)
            {
                // One file: consumed on this thread as its events come, without a channel and a merge to hand them
                // through (on one thread decoded and matched here too, event by event).
                var producer = new FileProducer(group[0], reader, context, matcher, counters, new SourceKindCounter(eventsBySource), options);
                var lastInline = 0L;
                producer.Run(consumer, progress is null ? null : () =>
                {
                    if (Stopwatch.GetElapsedTime(lastInline).TotalMilliseconds >= 50)
                    {
                        lastInline = Stopwatch.GetTimestamp();
                        progress.Report(new HuntProgress(counters.Bytes, totalBytes, counters.Events, counters.Detections, counters.FilesDone, sources.Count));
                    }
                }, cancellation);
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new HuntProgress(counters.Bytes, totalBytes, counters.Events, counters.Detections, counters.FilesDone, sources.Count));
                continue;
            }
            var readers = new List<ChannelReader<List<HuntItem>>>(group.Count);
            foreach (var source in group)
            {
                var producer = new FileProducer(source, reader, context, matcher, counters, new SourceKindCounter(eventsBySource), options);
                readers.Add(producer.Start(cancellation));
            }
            var lastReport = 0L;
            await foreach (var item in TimeOrderedMerge.MergeAsync(readers, cancellation).ConfigureAwait(false))
            {
                consumer.Consume(item);
                if (progress is not null && Stopwatch.GetElapsedTime(lastReport).TotalMilliseconds >= 50)
                {
                    lastReport = Stopwatch.GetTimestamp();
                    progress.Report(new HuntProgress(counters.Bytes, totalBytes, counters.Events, counters.Detections, counters.FilesDone, sources.Count));
                }
            }
            progress?.Report(new HuntProgress(counters.Bytes, totalBytes, counters.Events, counters.Detections, counters.FilesDone, sources.Count));
        }
        consumer.Finish();

        var summary = new HuntSummary(
            sources.Count, counters.Events, consumer.Detections, consumer.Campaigns, rulesLoaded, rulesRejected,
            errors.Kept, errors.Count, (long)time.GetElapsedTime(started).TotalMilliseconds)
        {
            Bytes = counters.Bytes,
            DetectionsByLevel = consumer.DetectionsByLevel,
            EventsBySource = eventsBySource.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            CorrelationEvictions = consumer.Evictions,
        };
        sink.Complete(summary);
        return summary;
    }

    private static long SizeOf(InputSource source)
    {
        try
        {
            var info = new FileInfo(source.DisplayPath);
            return info.Exists ? info.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0; // progress only: an unknown size shows as 0 %
        }
    }
}
