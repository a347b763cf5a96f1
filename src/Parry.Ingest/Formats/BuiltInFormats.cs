using Parry.Ingest.Cloud;
using Parry.Ingest.Cowrie;
using Parry.Ingest.Json;
using Parry.Ingest.Syslog;
using Parry.Ingest.Web;
using Parry.Ingest.Zeek;

namespace Parry.Ingest.Formats;

/// <summary>
/// The text and JSON formats this project decodes, in tie-break order. Callers build their
/// <see cref="FormatDetector"/> from these plus their own (EVTX, agent traces): <c>new FormatDetector([evtx,
/// ..traces, ..BuiltInFormats.Create(time)])</c>.
/// </summary>
public static class BuiltInFormats
{
    /// <param name="time">The clock syslog falls back on for the year of RFC 3164 lines when a file has no
    /// modification time.</param>
    /// <param name="syslogZone">Zone for syslog times that carry no offset; UTC when null.</param>
    public static IReadOnlyList<Formats.IInputFormat> Create(TimeProvider? time = null, TimeZoneInfo? syslogZone = null) =>
    [
        new ZeekTsvFormat(),
        new CloudTrailFormat(),
        new CowrieFormat(),
        new ZeekJsonFormat(),
        new WebAccessLogFormat(),
        new SyslogFormat(time, syslogZone),
        new JsonFormat(),
    ];
}
