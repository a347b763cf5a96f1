using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Json;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Cowrie;

/// <summary>
/// The cowrie SSH/Telnet honeypot's JSON log (<c>cowrie.json</c>), one event per line: events of kind <c>cowrie</c>
/// with cowrie's fields as written (<c>eventid</c>, <c>src_ip</c>, <c>session</c>, <c>username</c>, <c>password</c>,
/// <c>input</c>, <c>url</c>, <c>shasum</c>, …) and time from <c>timestamp</c>. Recognised by an <c>eventid</c> that
/// starts with <c>cowrie.</c>. The log-source mapping (<c>cowrie.yml</c>) documents the fields per event id.
/// </summary>
public sealed class CowrieFormat : IInputFormat
{
    public const int Score = 75;

    private static readonly JsonFlavour Flavour = new("cowrie", ["timestamp", "time"]);

    public string Name => "cowrie";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        var json = JsonHead.Read(head);
        return json.Valid && !json.Wrapped && json.Value("eventid") is { } id && id.StartsWith("cowrie.", StringComparison.Ordinal)
            ? Score
            : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context) =>
        JsonEventReader.Read(source, context, Flavour);
}
