using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Text;
using Parry.Ingest.Time;

namespace Parry.Ingest.Zeek;

/// <summary>
/// Zeek's default log format: tab-separated values under <c>#separator</c>/<c>#fields</c>/<c>#types</c> headers.
/// Each data line is an event of kind <c>zeek</c> shaped like Zeek's JSON output (so rules and mappings serve both):
/// the same field names, numbers and booleans typed by <c>#types</c>, sets and vectors as arrays, unset (<c>-</c>)
/// fields left out, <c>_path</c> from the <c>#path</c> header, time from <c>ts</c>. Zeek's escapes inside values
/// (<c>\x00</c>) are kept as written, which is what SigmaHQ's Zeek rules match.
/// </summary>
public sealed class ZeekTsvFormat : IInputFormat
{
    public const int Score = 95;

    public string Name => "zeek-tsv";

    public int Probe(ReadOnlySpan<byte> head, string fileName) =>
        head.StartsWith("#separator "u8) && head.IndexOf("\n#fields"u8) > 0 ? Score
        : head.StartsWith("#separator "u8) ? Score - 20
        : 0;

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var path = source.DisplayPath;
        using var stream = source.Open();
        using var lines = new LineReader(stream, context.MaxRecordBytes);
        using var utf8 = new Utf8Decoder();
        var builder = new EventBuilder(context.Limits);
        var header = new ZeekTsvHeader();
        var bad = new LineErrorRun(path, "not a Zeek log line");
        var fallbackPath = ZeekLogType.FromFileName(source.FileName);
        while (LineRecords.Next(lines, bad, path, context, out var bytes))
        {
            var text = utf8.Decode(bytes);
            if (text[0] == '#')
            {
                if (!header.Apply(text))
                    bad.Add(lines.LineNumber, text, context.Errors, "unknown header");
                continue;
            }
            string? problem;
            Event? @event;
            try
            {
                @event = TryDecode(text, header, fallbackPath, new EventOrigin(path, lines.LineNumber), builder, context.Fields, out problem);
            }
            catch (EventTooLargeException e)
            {
                @event = null;
                problem = $"too large: {e.Message}";
            }
            if (@event is null)
            {
                bad.Add(lines.LineNumber, text, context.Errors, problem);
                continue;
            }
            bad.Flush(context.Errors);
            yield return @event;
        }
        bad.Flush(context.Errors);
    }

    private static Event? TryDecode(
        ReadOnlySpan<char> line, ZeekTsvHeader header, string? fallbackPath, EventOrigin origin, EventBuilder builder,
        FieldTable fields, out string? problem)
    {
        problem = null;
        if (header.Fields.Length == 0)
        {
            problem = "no #fields header before it";
            return null;
        }
        builder.Reset();
        builder.StartObject();
        var pathWritten = false;
        DateTimeOffset? time = null;
        var column = 0;
        foreach (var range in line.Split(header.Separator))
        {
            if (column >= header.Fields.Length)
            {
                problem = $"more than the {header.Fields.Length} fields the header names";
                return null;
            }
            var name = header.Fields[column];
            var type = column < header.Types.Length ? header.Types[column] : "string";
            var value = line[range];
            column++;
            if (value.SequenceEqual(header.Unset))
                continue;
            builder.PropertyName(name);
            WriteValue(value, type, header, builder);
            pathWritten |= name == "_path";
            if (name == "ts" && TimestampText.TryParse(value, out var ts))
                time = ts;
        }
        if (column != header.Fields.Length)
        {
            problem = $"{column} fields where the header names {header.Fields.Length}";
            return null;
        }
        if (!pathWritten && (header.Path ?? fallbackPath) is { } log)
        {
            builder.PropertyName("_path");
            builder.String(log);
        }
        builder.EndObject();
        return builder.Build(fields, origin, "zeek", time);
    }

    private static void WriteValue(ReadOnlySpan<char> value, string type, ZeekTsvHeader header, EventBuilder builder)
    {
        var open = type.IndexOf('[');
        if (open > 0 && type.EndsWith(']') && type.AsSpan(0, open) is "set" or "vector")
        {
            var inner = type[(open + 1)..^1];
            builder.StartArray();
            if (!value.SequenceEqual(header.Empty))
            {
                if (header.SetSeparator.Length == 0)
                {
                    WriteScalar(value, inner, builder);
                }
                else
                {
                    foreach (var item in value.Split(header.SetSeparator))
                        WriteScalar(value[item], inner, builder);
                }
            }
            builder.EndArray();
            return;
        }
        if (value.SequenceEqual(header.Empty))
        {
            builder.String([]);
            return;
        }
        WriteScalar(value, type, builder);
    }

    private static void WriteScalar(ReadOnlySpan<char> value, string type, EventBuilder builder)
    {
        switch (type)
        {
            case "time" or "interval" or "double" or "count" or "int" or "port":
                if (IsNumber(value))
                {
                    builder.Number(value);
                    return;
                }
                break;
            case "bool" when value is "T" or "F":
                builder.Boolean(value[0] == 'T');
                return;
        }
        builder.String(value);
    }

    private static bool IsNumber(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExcept("0123456789.-+eE") && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
}
