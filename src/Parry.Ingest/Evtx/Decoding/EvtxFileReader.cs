using System.Collections.Concurrent;
using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Evtx.Decoding;

/// <summary>
/// Decodes one EVTX file: chunks are read in order and decoded independently, in parallel up to
/// <see cref="DecodeContext.MaxDegreeOfParallelism"/>, and their events come out in file order. At most two chunks
/// per worker are in flight, so memory is bounded by that window, not by the file's size.
/// </summary>
internal static class EvtxFileReader
{
    public static IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        foreach (var result in Decode(source, context, static result => result))
        {
            foreach (var e in Emit(result, context))
                yield return e;
        }
    }

    /// <summary>The caller's work run on each chunk's events by the worker that decoded the chunk, its results in
    /// file order, each chunk's errors reported just before its result.</summary>
    public static IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, Func<IReadOnlyList<Event>, T> work)
    {
        foreach (var (errors, value) in Decode(source, context, result => (result.Errors, work(result.Events))))
        {
            foreach (var (_, error) in errors)
                context.Errors.Report(error);
            yield return value;
        }
    }

    // Every chunk decoded and passed through `then` on the same worker; the outcomes in file order.
    private static IEnumerable<T> Decode<T>(InputSource source, DecodeContext context, Func<ChunkResult, T> then)
    {
        using var chunks = ChunkSource.Open(source.Open(), source.DisplayPath, context);
        if (chunks is null)
            yield break;

        var workers = Math.Max(1, context.MaxDegreeOfParallelism);
        if (workers == 1)
        {
            var decoder = new EvtxChunkDecoder(source.DisplayPath, context);
            while (chunks.TryRead(out var chunk))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                ChunkResult result;
                try
                {
                    result = decoder.Decode(chunk);
                }
                finally
                {
                    chunk.Return();
                }
                yield return then(result);
            }
            yield break;
        }

        var decoders = new ConcurrentBag<EvtxChunkDecoder>();
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, workers).ConcurrentScheduler;
        var window = new Queue<Task<T>>();
        try
        {
            while (true)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                while (window.Count < 2 * workers && chunks.TryRead(out var chunk))
                    window.Enqueue(Start(chunk, source.DisplayPath, context, decoders, scheduler, then));
                if (window.Count == 0)
                    break;
                yield return window.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Stopped early (the caller broke off, or cancelled): let the chunks in flight finish and give back
            // their buffers before the stream is closed.
            foreach (var pending in window)
                pending.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        }
    }

    private static Task<T> Start<T>(
        RentedChunk chunk, string path, DecodeContext context, ConcurrentBag<EvtxChunkDecoder> decoders, TaskScheduler scheduler,
        Func<ChunkResult, T> then) =>
        Task.Factory.StartNew(
            () =>
            {
                if (!decoders.TryTake(out var decoder))
                    decoder = new EvtxChunkDecoder(path, context);
                ChunkResult result;
                try
                {
                    result = decoder.Decode(chunk);
                }
                finally
                {
                    decoders.Add(decoder);
                    chunk.Return();
                }
                return then(result);
            },
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler);

    // Events in order, each chunk error reported where it happened among them.
    private static IEnumerable<Event> Emit(ChunkResult result, DecodeContext context)
    {
        var next = 0;
        for (var i = 0; i < result.Events.Count; i++)
        {
            while (next < result.Errors.Count && result.Errors[next].Before <= i)
                context.Errors.Report(result.Errors[next++].Error);
            yield return result.Events[i];
        }
        while (next < result.Errors.Count)
            context.Errors.Report(result.Errors[next++].Error);
    }
}
