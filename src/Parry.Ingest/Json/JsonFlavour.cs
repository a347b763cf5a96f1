using Parry.Ingest.Sources;

namespace Parry.Ingest.Json;

/// <summary>
/// What distinguishes one kind of JSON log from another once its records are framed: the event kind it produces,
/// the top-level fields that hold its event time (in order of preference), whether evtx_dump's
/// <c>Event.System.TimeCreated.#attributes.SystemTime</c> applies, an optional wrapper property whose array holds the
/// records, and a per-file inspector.
/// </summary>
internal sealed record JsonFlavour(
    string SourceKind,
    string[] TimestampFields,
    bool EvtxSystemTime = false,
    string? WrapperProperty = null,
    Func<InputSource, JsonRecordInspector?>? CreateInspector = null)
{
    /// <summary>Plain JSON: any object; time from evtx_dump's SystemTime or the first common timestamp field.</summary>
    public static readonly JsonFlavour Generic = new(
        "json",
        ["@timestamp", "timestamp", "eventTime", "EventTime", "time", "ts", "date", "datetime", "_time", "TimeCreated", "UtcTime", "created_at"],
        EvtxSystemTime: true);
}
