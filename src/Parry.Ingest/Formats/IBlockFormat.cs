using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>
/// A format whose decoder splits a file into blocks it decodes independently on several workers (EVTX: its 64 KiB
/// chunks). A caller with per-event work of its own (the hunt's matching) runs it on the worker that decoded the
/// block, while the events are still in that core's cache, instead of handing every event to another thread.
/// </summary>
public interface IBlockFormat : IInputFormat
{
    /// <summary>
    /// Decodes the file block by block, up to <see cref="DecodeContext.MaxDegreeOfParallelism"/> at once, runs
    /// <paramref name="work"/> on each block's events (in record order) on the thread that decoded them, and yields
    /// the results in file order. A block's input errors are reported, in order, just before its result is yielded.
    /// </summary>
    IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, Func<IReadOnlyList<Event>, T> work);
}
