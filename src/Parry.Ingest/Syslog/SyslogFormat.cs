using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Text;

namespace Parry.Ingest.Syslog;

/// <summary>
/// Linux syslog and auth logs, recognised by content: RFC 3164 lines with or without PRI (/var/log/auth.log,
/// /var/log/syslog, /var/log/secure), the same with RFC 3339 times (rsyslog's high-precision file format), and
/// RFC 5424. Each line is an event of kind <c>syslog</c> whose record number is its line number. sshd, sudo, su,
/// cron and PAM messages are parsed into fields (see <see cref="SyslogEventWriter"/>); the whole message stays
/// searchable. Lines without a year get one from <see cref="SyslogYearResolver"/>, referred to the file's modification
/// time or, failing that, the clock given here; times without an offset are read in <paramref name="zone"/> (UTC
/// unless told otherwise).
/// </summary>
public sealed class SyslogFormat(TimeProvider? time = null, TimeZoneInfo? zone = null) : IInputFormat
{
    public const int Score = 55;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeZoneInfo _zone = zone ?? TimeZoneInfo.Utc;

    public string Name => "syslog";

    public int Probe(ReadOnlySpan<byte> head, string fileName) =>
        LineRecords.MostlyParse(head, 1024, line => SyslogHeaderParser.TryParse(line, out var header) && (!header.Program.IsEmpty || header.Priority >= 0)) ? Score : 0;

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var path = source.DisplayPath;
        using var stream = source.Open();
        using var lines = new LineReader(stream, context.MaxRecordBytes);
        using var utf8 = new Utf8Decoder();
        var builder = new EventBuilder(context.Limits);
        var writer = new SyslogEventWriter();
        var years = new SyslogYearResolver(source.LastModified ?? _time.GetUtcNow(), _zone);
        var bad = new LineErrorRun(path, "not a syslog line");
        while (LineRecords.Next(lines, bad, path, context, out var bytes))
        {
            var text = utf8.Decode(bytes);
            var @event = TryDecode(text, lines.LineNumber, path, builder, writer, years, context, out var problem);
            if (@event is null)
            {
                if (problem is not null)
                    bad.Add(lines.LineNumber, text, context.Errors, problem);
                continue;
            }
            bad.Flush(context.Errors);
            yield return @event;
        }
        bad.Flush(context.Errors);
    }

    private static Event? TryDecode(
        ReadOnlySpan<char> text, long line, string path, EventBuilder builder, SyslogEventWriter writer,
        SyslogYearResolver years, DecodeContext context, out string? problem)
    {
        problem = null;
        if (text.IsWhiteSpace())
            return null;
        if (!SyslogHeaderParser.TryParse(text, out var header))
        {
            problem = "no syslog header";
            return null;
        }
        var timestamp = header.Time;
        if (timestamp is null && header.Month > 0)
        {
            if (!years.TryResolve(header.Month, header.Day, header.Hour, header.Minute, header.Second, header.FractionTicks, out var resolved))
            {
                problem = "the date does not exist";
                return null;
            }
            timestamp = resolved;
        }
        try
        {
            builder.Reset();
            writer.Write(header, builder);
            return builder.Build(context.Fields, new EventOrigin(path, line), "syslog", timestamp);
        }
        catch (EventTooLargeException e)
        {
            context.Errors.Report(new InputError(path, line, $"line {line}: too large: {e.Message}"));
            return null;
        }
    }
}
