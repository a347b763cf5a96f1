using Parry.Core.Diagnostics;
using Parry.Core.Events;

namespace Parry.Ingest.Evtx.Decoding;

/// <summary>
/// What one chunk decoded to: its events in record order and its errors, each placed before the event that
/// followed it, so the reader can hand both on in file order.
/// </summary>
internal sealed class ChunkResult
{
    public List<Event> Events { get; } = [];

    /// <summary>Errors with the number of events that came before them in this chunk.</summary>
    public List<(int Before, InputError Error)> Errors { get; } = [];

    public void Report(InputError error) => Errors.Add((Events.Count, error));
}
