using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>A <see cref="FormatDetector"/> as an <see cref="IEventReader"/>: each source read with its detected
/// format, or with the forced one.</summary>
internal sealed class DetectingReader(FormatDetector detector, IInputFormat? forced) : IEventReader
{
    public IEnumerable<Event> Read(InputSource source, DecodeContext context) => detector.Read(source, context, forced);

    public IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, int eventsPerBlock, Func<IReadOnlyList<Event>, T> work) =>
        detector.ReadBlocks(source, context, eventsPerBlock, work, forced);
}
