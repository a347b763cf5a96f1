using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Text;

namespace Parry.Ingest.Web;

/// <summary>
/// Apache and Nginx access logs in the common and combined formats (with a virtual-host prefix or extra trailing
/// fields tolerated), recognised by content. Each line is an event of kind <c>webserver</c>, record number = line
/// number, time from the <c>[10/Oct/2000:13:55:36 -0700]</c> stamp, fields as SigmaHQ's <c>webserver</c> rules name
/// them (see <see cref="AccessLogEventWriter"/>). Lines that are not access-log lines are reported with their line
/// numbers and skipped.
/// </summary>
public sealed class WebAccessLogFormat : IInputFormat
{
    public const int Score = 60;

    public string Name => "webserver";

    public int Probe(ReadOnlySpan<byte> head, string fileName) =>
        LineRecords.MostlyParse(head, 4096, line => AccessLogParser.TryParse(line, out _)) ? Score : 0;

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var path = source.DisplayPath;
        using var stream = source.Open();
        using var lines = new LineReader(stream, context.MaxRecordBytes);
        using var utf8 = new Utf8Decoder();
        var builder = new EventBuilder(context.Limits);
        var writer = new AccessLogEventWriter();
        var bad = new LineErrorRun(path, "not an access log line");
        while (LineRecords.Next(lines, bad, path, context, out var bytes))
        {
            var text = utf8.Decode(bytes);
            var @event = TryDecode(text, lines.LineNumber, path, builder, writer, context, out var bad1);
            if (@event is null)
            {
                if (bad1)
                    bad.Add(lines.LineNumber, text, context.Errors);
                continue;
            }
            bad.Flush(context.Errors);
            yield return @event;
        }
        bad.Flush(context.Errors);
    }

    private static Event? TryDecode(
        ReadOnlySpan<char> text, long line, string path, EventBuilder builder, AccessLogEventWriter writer,
        DecodeContext context, out bool unreadable)
    {
        unreadable = false;
        if (text.IsWhiteSpace())
            return null;
        if (!AccessLogParser.TryParse(text, out var parsed))
        {
            unreadable = true;
            return null;
        }
        try
        {
            builder.Reset();
            writer.Write(parsed, builder);
            return builder.Build(context.Fields, new EventOrigin(path, line), "webserver", parsed.Time);
        }
        catch (EventTooLargeException e)
        {
            context.Errors.Report(new InputError(path, line, $"line {line}: too large: {e.Message}"));
            return null;
        }
    }
}
