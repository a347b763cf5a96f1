using System.Text;
using Parry.Agents.Events;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Tests.Traces;

/// <summary>Reading trace files and text in tests: every tool-call field is interned, errors are collected.</summary>
internal static class TraceTestSupport
{
    public static readonly FieldTable Fields = BuildFields();

    public static int Id(string name) => Fields.IdOf(name);

    public static (List<Event> Events, List<InputError> Errors) ReadText(IInputFormat format, string text, string path = "trace.jsonl", DecodeContext? context = null) =>
        ReadBytes(format, Encoding.UTF8.GetBytes(text), path, context);

    public static (List<Event> Events, List<InputError> Errors) ReadBytes(IInputFormat format, byte[] bytes, string path = "trace.jsonl", DecodeContext? context = null)
    {
        var errors = new ErrorList();
        var decode = context is null ? new DecodeContext(Fields, errors) : new DecodeContext(context.Fields, errors) { MaxRecordBytes = context.MaxRecordBytes, Limits = context.Limits };
        var events = format.Read(new InputSource(path, () => new MemoryStream(bytes, writable: false)), decode).ToList();
        return (events, errors.Items);
    }

    public static (List<Event> Events, List<InputError> Errors) ReadFile(IInputFormat format, string file, string? displayPath = null)
    {
        var errors = new ErrorList();
        var events = format.Read(new InputSource(displayPath ?? file, () => File.OpenRead(file)), new DecodeContext(Fields, errors)).ToList();
        return (events, errors.Items);
    }

    public static int Probe(IInputFormat format, string text, string fileName = "x.jsonl") => format.Probe(Encoding.UTF8.GetBytes(text), fileName);

    public static List<string> Strings(Event e, string field)
    {
        var values = new List<string>();
        foreach (var value in e.Values(Id(field)))
            values.Add(value.Text.ToString());
        return values;
    }

    public static string? String(Event e, string field) => e.GetString(Id(field));

    private static FieldTable BuildFields()
    {
        var builder = new FieldTableBuilder();
        foreach (var name in ToolCallFields.All)
            builder.Intern(name);
        foreach (var name in new[] { "arguments.command", "arguments.text", "arguments.path", "arguments.url", "arguments.query", "arguments.file_name" })
            builder.Intern(name);
        return builder.Build();
    }

    private sealed class ErrorList : IInputErrorSink
    {
        private readonly Lock _gate = new();

        public List<InputError> Items { get; } = [];

        public void Report(InputError error)
        {
            lock (_gate)
                Items.Add(error);
        }
    }
}
