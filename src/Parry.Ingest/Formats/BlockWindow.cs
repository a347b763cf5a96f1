using Parry.Core.Events;

namespace Parry.Ingest.Formats;

/// <summary>
/// Runs work on blocks of a decoded event sequence on the thread pool, at most <c>parallelism</c> blocks at once,
/// and hands the results on in order: for formats that decode on one thread (a text or JSON file), so the work on
/// their events still gets every core. The window bounds the events alive at a time: an ordered merge that let a
/// worker run ahead of a slower one kept events alive past a gen-0 GC.
/// </summary>
internal static class BlockWindow
{
    public static IEnumerable<T> Run<T>(
        IEnumerable<Event> events, int eventsPerBlock, int parallelism, Func<IReadOnlyList<Event>, T> work, CancellationToken cancellation)
    {
        var blocks = events.Chunk(Math.Max(1, eventsPerBlock));
        if (parallelism <= 1)
        {
            foreach (var block in blocks)
                yield return work(block);
            yield break;
        }

        var window = new Queue<Task<T>>(parallelism + 1);
        try
        {
            foreach (var block in blocks)
            {
                cancellation.ThrowIfCancellationRequested();
                window.Enqueue(Task.Run(() => work(block), CancellationToken.None));
                if (window.Count >= parallelism)
                    yield return window.Dequeue().GetAwaiter().GetResult();
            }
            while (window.Count > 0)
                yield return window.Dequeue().GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (cancelled, or a block's work failed): let the blocks in flight finish before the
            // file's decoder is disposed under them.
            foreach (var pending in window)
                pending.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        }
    }
}
