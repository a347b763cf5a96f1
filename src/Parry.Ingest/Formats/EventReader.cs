using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>Makes an <see cref="IEventReader"/> of a plain decoding function.</summary>
public static class EventReader
{
    /// <summary>Events come from <paramref name="read"/>; blocks are gathered from them and their work run in a window
    /// of pool threads.</summary>
    public static IEventReader From(Func<InputSource, DecodeContext, IEnumerable<Event>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new DelegateEventReader(read);
    }
}
