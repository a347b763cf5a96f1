using System.Threading.Channels;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Detection.Matching;
using Parry.Ingest;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Detection.Hunting;

/// <summary>
/// Decodes and matches one file on the thread pool and hands its outcome to the consumer in batches through a
/// bounded channel, so a file never runs more than a few batches ahead of the merge. Within the file, decoding and
/// matching are spread over <see cref="DecodeContext.MaxDegreeOfParallelism"/> threads in order-preserving blocks:
/// an EVTX chunk is matched by the worker that decoded it (no hand-over of its events between threads), other
/// formats' events in batches of <see cref="HuntOptions.BatchSize"/>.
/// </summary>
internal sealed class FileProducer(
    InputSource source,
    IEventReader reader,
    DecodeContext context,
    IEventMatcher matcher,
    HuntCounters counters,
    SourceKindCounter kinds,
    HuntOptions options)
{
    public ChannelReader<List<HuntItem>> Start(CancellationToken cancellation)
    {
        var channel = Channel.CreateBounded<List<HuntItem>>(new BoundedChannelOptions(options.BatchesInFlightPerFile)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ = Task.Run(() => ProduceAsync(channel.Writer, cancellation), CancellationToken.None);
        return channel.Reader;
    }

    /// <summary>Runs the file to the consumer on the calling thread, for a file hunted on its own (no other file to
    /// merge with, so no channel or merge between matching and the consumer). On one thread it is decoded, matched
    /// and consumed event by event, where blocks and a hand-over between threads would cost more than they overlap;
    /// on several, blocks are decoded and matched on the workers and consumed here in file order.
    /// <paramref name="progress"/> is called every few hundred events.</summary>
    public void Run(HuntConsumer consumer, Action? progress, CancellationToken cancellation)
    {
        if (context.MaxDegreeOfParallelism > 1)
            RunInBlocks(consumer, progress, cancellation);
        else
            RunInline(consumer, progress, cancellation);
    }

    private void RunInBlocks(HuntConsumer consumer, Action? progress, CancellationToken cancellation)
    {
        try
        {
            using var blocks = reader.ReadBlocks(Counted(), context, options.BatchSize, MatchBatch).GetEnumerator();
            var lastTicks = long.MinValue;
            while (true)
            {
                // Only the file's own decoding and matching fail as an input error; the consumer's failures propagate.
                try
                {
                    if (!blocks.MoveNext())
                        break;
                    cancellation.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    ReportInternalError(e);
                    break;
                }
                var (events, detections, activities) = blocks.Current;
                for (var i = 0; i < events.Count; i++)
                {
                    lastTicks = Reached(events[i], lastTicks);
                    var activity = Dated(activities[i], lastTicks);
                    if (detections[i] is { Length: > 0 } || activity is not null)
                        consumer.Consume(detections[i] ?? [], activity, lastTicks);
                }
                counters.AddEvents(events.Count);
                progress?.Invoke();
            }
        }
        finally
        {
            kinds.Flush();
            counters.FileDone();
        }
    }

    private void RunInline(HuntConsumer consumer, Action? progress, CancellationToken cancellation)
    {
        const int ProgressEvery = 256;
        var uncounted = 0;
        try
        {
            using var events = ReadCounted().GetEnumerator();
            // Reused for every event: the consumer reads the detections during Consume and keeps none of the list.
            var hits = new List<Core.Detections.Detection>();
            var lastTicks = long.MinValue;
            while (true)
            {
                Behaviour.Activity? activity;
                // Only the file's own decoding and matching fail as an input error; the consumer's failures propagate.
                try
                {
                    if (!events.MoveNext())
                        break;
                    cancellation.ThrowIfCancellationRequested();
                    var e = events.Current;
                    lastTicks = Reached(e, lastTicks);
                    hits.Clear();
                    activity = matcher.Match(e, hits);
                    // Nothing after matching reads the lower-cased copy (made anew if something does): released, the
                    // next event folds into the same arena instead of allocating one as large as its text.
                    e.ReleaseFoldedText();
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    ReportInternalError(e);
                    break;
                }
                if (hits.Count > 0)
                    counters.AddDetections(hits.Count);
                activity = Dated(activity, lastTicks);
                if (hits.Count > 0 || activity is not null)
                    consumer.Consume(hits, activity, lastTicks);
                if (++uncounted == ProgressEvery)
                {
                    counters.AddEvents(uncounted);
                    uncounted = 0;
                    progress?.Invoke();
                }
            }
        }
        finally
        {
            kinds.Flush();
            counters.AddEvents(uncounted);
            counters.FileDone();
        }
    }

    private async Task ProduceAsync(ChannelWriter<List<HuntItem>> writer, CancellationToken cancellation)
    {
        try
        {
            foreach (var items in Batches(cancellation))
                await writer.WriteAsync(items, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ReportInternalError(e);
        }
        finally
        {
            kinds.Flush();
            counters.FileDone();
            writer.TryComplete();
        }
    }

    // A defect, not bad input (decoders report that themselves): say where, and let the other files go on.
    private void ReportInternalError(Exception e) =>
        context.Errors.Report(new InputError(source.DisplayPath, null, $"internal error, rest of file skipped: {e.GetType().Name}: {e.Message}"));

    /// <summary>The file's outcome in batches (only events that raised detections or name an actor).</summary>
    private IEnumerable<List<HuntItem>> Batches(CancellationToken cancellation)
    {
        var matched = reader.ReadBlocks(Counted(), context, options.BatchSize, MatchBatch);

        long lastTicks = long.MinValue;
        long sequence = 0;
        foreach (var (events, detections, activities) in matched)
        {
            cancellation.ThrowIfCancellationRequested();
            var items = new List<HuntItem>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                lastTicks = Reached(events[i], lastTicks);
                sequence++;
                var activity = Dated(activities[i], lastTicks);
                if (detections[i] is { Length: > 0 } || activity is not null)
                    items.Add(new HuntItem(lastTicks, sequence, detections[i] ?? [], activity));
            }
            counters.AddEvents(events.Count);
            if (items.Count > 0)
                yield return items;
        }
    }

    // Counts the event's kind and returns the time the file has reached: this event's, else the last dated one's.
    private long Reached(Event e, long lastTicks)
    {
        kinds.Add(e);
        return e.Timestamp is { } time ? time.UtcTicks : lastTicks;
    }

    // An undated activity takes the time the file has reached (it stays undated before the first dated event).
    private static Behaviour.Activity? Dated(Behaviour.Activity? activity, long lastTicks) =>
        activity is { Ticks: 0 } undated && lastTicks != long.MinValue ? undated with { Ticks = lastTicks } : activity;

    // The file's events, its bytes counted as they are read (for progress).
    private IEnumerable<Event> ReadCounted() => reader.Read(Counted(), context);

    private InputSource Counted() => source with { Open = () => new CountingStream(source.Open(), counters) };

    // Runs on the thread that decoded the block (EVTX) or on a pool thread of the batch window (other formats).
    private (IReadOnlyList<Event> Events, Core.Detections.Detection[]?[] Detections, Behaviour.Activity?[] Activities) MatchBatch(IReadOnlyList<Event> events)
    {
        var detections = new Core.Detections.Detection[]?[events.Count];
        var activities = new Behaviour.Activity?[events.Count];
        var hits = new List<Core.Detections.Detection>();
        for (var i = 0; i < events.Count; i++)
        {
            hits.Clear();
            activities[i] = matcher.Match(events[i], hits);
            events[i].ReleaseFoldedText(); // as in Run: the next event on this thread folds into the same arena
            if (hits.Count > 0)
            {
                detections[i] = [.. hits];
                counters.AddDetections(hits.Count);
            }
        }
        return (events, detections, activities);
    }
}
