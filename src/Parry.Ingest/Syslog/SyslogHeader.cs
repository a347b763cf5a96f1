namespace Parry.Ingest.Syslog;

/// <summary>
/// The parts of one syslog line before its message, as spans of the line: RFC 3164 (<c>&lt;PRI&gt;Mmm dd hh:mm:ss
/// host tag[pid]: msg</c>, PRI optional as in /var/log/auth.log), the same with an RFC 3339 time (rsyslog's file
/// format), or RFC 5424 (<c>&lt;PRI&gt;1 time host app procid msgid [sd] msg</c>).
/// </summary>
internal ref struct SyslogHeader
{
    /// <summary>PRI (facility × 8 + severity), or -1 when the line has none.</summary>
    public int Priority;

    /// <summary>RFC 5424 version, or 0 for RFC 3164 lines.</summary>
    public int Version;

    /// <summary>The time when the line carries a full one (RFC 3339 / 5424).</summary>
    public DateTimeOffset? Time;

    /// <summary>RFC 3164 time without a year: month 1–12, or 0 when <see cref="Time"/> is used.</summary>
    public int Month;
    public int Day;
    public int Hour;
    public int Minute;
    public int Second;
    public long FractionTicks;

    public ReadOnlySpan<char> Host;
    public ReadOnlySpan<char> Program;
    public ReadOnlySpan<char> ProcessId;
    public ReadOnlySpan<char> MessageId;
    public ReadOnlySpan<char> StructuredData;
    public ReadOnlySpan<char> Message;
}
