using System.Text;
using System.Text.Json;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Json;

/// <summary>
/// Streams the events of one JSON file in a given flavour: frames records (<see cref="JsonRecordFramer"/>), parses
/// each (<see cref="JsonRecordDecoder"/>), and reports what it cannot read with the file, the record's 1-based index
/// and its line, then goes on. The record index counts every object met, readable or not.
/// </summary>
internal static class JsonEventReader
{
    public static IEnumerable<Event> Read(InputSource source, DecodeContext context, JsonFlavour flavour)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var path = source.DisplayPath;
        var errors = context.Errors;
        using var stream = source.Open();
        using var framer = new JsonRecordFramer(stream, context.MaxRecordBytes, flavour.WrapperProperty);
        using var decoder = new JsonRecordDecoder(flavour, context.Limits);
        var builder = new EventBuilder(context.Limits);
        var inspector = flavour.CreateInspector?.Invoke(source);
        long record = 0;
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            Event? @event = null;
            var kind = framer.Next(out var bytes);
            switch (kind)
            {
                case JsonFrameKind.End:
                    if (framer.EndedInsideArray)
                        errors.Report(new InputError(path, null, "the file ends inside an array that is not closed"));
                    yield break;
                case JsonFrameKind.Garbage:
                    var lines = framer.EndLine > framer.Line ? $"lines {framer.Line}-{framer.EndLine}" : $"line {framer.Line}";
                    errors.Report(new InputError(path, null, $"{lines}: {framer.Problem}, skipped: \"{Printable(framer.Sample)}\""));
                    break;
                case JsonFrameKind.NotObject:
                    record++;
                    errors.Report(new InputError(path, record, $"line {framer.Line}: {framer.Problem}, skipped: \"{Printable(framer.Sample)}\""));
                    break;
                case JsonFrameKind.Oversize:
                    record++;
                    errors.Report(new InputError(path, record,
                        $"line {framer.Line}: record larger than {context.MaxRecordBytes} bytes ({framer.Length} bytes), skipped"
                        + (framer.Problem is null ? "" : $"; it was {framer.Problem}")));
                    break;
                default:
                    record++;
                    @event = Decode(bytes, record, path, framer, decoder, builder, inspector, flavour, context.Fields, errors);
                    break;
            }
            if (@event is not null)
                yield return @event;
        }
    }

    private static Event? Decode(
        ReadOnlySpan<byte> bytes, long record, string path, JsonRecordFramer framer, JsonRecordDecoder decoder,
        EventBuilder builder, JsonRecordInspector? inspector, JsonFlavour flavour, FieldTable fields, IInputErrorSink errors)
    {
        try
        {
            decoder.Decode(bytes, builder, inspector);
        }
        catch (JsonException e)
        {
            // A record cut short is placed at its start; a bad token inside a whole one, at its own line.
            var line = framer.Problem is null ? framer.Line + (e.LineNumber ?? 0) : framer.Line;
            var why = framer.Problem is { } problem ? $"the object is {problem}" : Trim(e.Message);
            errors.Report(new InputError(path, record, $"line {line}: malformed JSON: {why}"));
            return null;
        }
        catch (EventTooLargeException e)
        {
            errors.Report(new InputError(path, record, $"line {framer.Line}: record too large: {e.Message}"));
            return null;
        }
        var @event = builder.Build(fields, new EventOrigin(path, record), flavour.SourceKind, decoder.Timestamp);
        if (decoder.UnreadableTimestamp is var (field, value))
            errors.Report(new InputError(path, record, $"line {framer.Line}: '{field}' is not a time: \"{value}\"; the event has no time"));
        return @event;
    }

    // System.Text.Json's messages end with its own position ("LineNumber: 0 | BytePositionInLine: 12."), relative to
    // the record; ours give the file's line instead.
    private static string Trim(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static string Printable(ReadOnlySpan<byte> sample)
    {
        var text = Encoding.UTF8.GetString(sample);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) || c == '\uFFFD' ? '.' : c);
        return builder.ToString();
    }
}
