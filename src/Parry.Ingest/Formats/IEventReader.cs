using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>Decodes an input source, event by event or in blocks with the caller's work run on each block.</summary>
public interface IEventReader
{
    /// <summary>The source's events in record order.</summary>
    IEnumerable<Event> Read(InputSource source, DecodeContext context);

    /// <summary>
    /// The source's events in blocks, <paramref name="work"/> run on each block (on up to
    /// <see cref="DecodeContext.MaxDegreeOfParallelism"/> threads at once) and its results yielded in file order.
    /// Formats that decode in blocks of their own (<see cref="IBlockFormat"/>) run the work where they decode;
    /// others gather <paramref name="eventsPerBlock"/> events per block.
    /// </summary>
    IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, int eventsPerBlock, Func<IReadOnlyList<Event>, T> work);
}
