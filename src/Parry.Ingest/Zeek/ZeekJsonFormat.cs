using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Json;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Zeek;

/// <summary>
/// Zeek logs written as JSON (<c>LogAscii::use_json</c>), one record per line: events of kind <c>zeek</c> with Zeek's
/// own field names kept as they are (<c>id.orig_h</c> is one dotted name), time from <c>ts</c> (epoch seconds or
/// ISO 8601), and the log in <c>_path</c> (added from the file name or the fields when the record lacks it).
/// Recognised by a first record with <c>ts</c> and <c>uid</c>, <c>id.orig_h</c>, <c>fuid</c> or <c>_path</c>.
/// </summary>
public sealed class ZeekJsonFormat : IInputFormat
{
    public const int Score = 70;

    private static readonly JsonFlavour Flavour = new(
        "zeek", ["ts", "_write_ts"],
        CreateInspector: source => new ZeekJsonInspector(ZeekLogType.FromFileName(source.FileName)));

    public string Name => "zeek";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        var json = JsonHead.Read(head);
        if (!json.Valid || json.Wrapped || !json.Has("ts"))
            return 0;
        return json.Has("uid") || json.Has("id.orig_h") || json.Has("fuid") || json.Has("_path") ? Score : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context) =>
        JsonEventReader.Read(source, context, Flavour);
}
