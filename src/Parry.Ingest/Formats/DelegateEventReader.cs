using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>An <see cref="IEventReader"/> over a decoding function (see <see cref="EventReader.From"/>).</summary>
internal sealed class DelegateEventReader(Func<InputSource, DecodeContext, IEnumerable<Event>> read) : IEventReader
{
    public IEnumerable<Event> Read(InputSource source, DecodeContext context) => read(source, context);

    public IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, int eventsPerBlock, Func<IReadOnlyList<Event>, T> work) =>
        BlockWindow.Run(read(source, context), eventsPerBlock, context.MaxDegreeOfParallelism, work, context.Cancellation);
}
