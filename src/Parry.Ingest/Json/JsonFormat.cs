using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Json;

/// <summary>
/// Plain JSON logs, recognised by content: JSONL, one array of objects, or concatenated (pretty-printed) objects such
/// as evtx_dump's output. Each object is one event of kind <c>json</c>; its record number is its 1-based index in the
/// file. Gives way to every format that recognises the JSON's content (see <see cref="FormatDetector"/>).
/// </summary>
public sealed class JsonFormat : IInputFormat
{
    public const int Score = 40;
    public const int InvalidScore = 15;

    public string Name => "json";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        var json = JsonHead.Read(head);
        return !json.LooksLikeJson ? 0 : json.Valid ? Score : InvalidScore;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context) =>
        JsonEventReader.Read(source, context, JsonFlavour.Generic);
}
