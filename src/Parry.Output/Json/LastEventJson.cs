using System.Buffers;
using System.Text.Json;
using Parry.Core.Events;

namespace Parry.Output.Json;

/// <summary>
/// The JSON of the last event a detection was written for, kept for the detections after it: one event often raises
/// several detections in a row (a third of the 62,976 of the 1 GB EVTX hunt repeat the previous one's event), and
/// each line carries the whole event. An event's text never changes once decoded, so the same object renders to the
/// same bytes.
/// </summary>
internal sealed class LastEventJson(JsonWriterOptions options)
{
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private Utf8JsonWriter? _writer;
    private Event? _event;

    /// <summary>The event's JSON, rendered unless it is the same event as last time.</summary>
    public ReadOnlySpan<byte> Of(Event e)
    {
        if (!ReferenceEquals(e, _event))
        {
            _json.ResetWrittenCount();
            if (_writer is null)
                _writer = new Utf8JsonWriter(_json, options);
            else
                _writer.Reset();
            _event = null; // not kept if rendering fails part way
            e.WriteJson(_writer);
            _writer.Flush();
            _event = e;
        }
        return _json.WrittenSpan;
    }
}
