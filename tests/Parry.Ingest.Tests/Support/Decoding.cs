using System.Text;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Tests.Support;

/// <summary>Runs a format over text or bytes and collects events and errors.</summary>
internal static class Decoding
{
    public static FieldTable Fields(params string[] names)
    {
        var builder = new FieldTableBuilder();
        foreach (var name in names)
            builder.Intern(name);
        return builder.Build();
    }

    public static (List<Event> Events, ErrorList Errors) Run(
        IInputFormat format, string text, FieldTable? fields = null, string path = "test.log", int maxRecordBytes = 1 << 20,
        DateTimeOffset? lastModified = null) =>
        Run(format, Encoding.UTF8.GetBytes(text), fields, path, maxRecordBytes, lastModified);

    public static (List<Event> Events, ErrorList Errors) Run(
        IInputFormat format, byte[] bytes, FieldTable? fields = null, string path = "test.log", int maxRecordBytes = 1 << 20,
        DateTimeOffset? lastModified = null, Func<int>? chunks = null)
    {
        var source = new InputSource(path, () => chunks is null ? new MemoryStream(bytes, writable: false) : new ChunkedStream(bytes, chunks))
        {
            LastModified = lastModified,
        };
        return Run(format, source, fields, maxRecordBytes);
    }

    public static (List<Event> Events, ErrorList Errors) Run(IInputFormat format, InputSource source, FieldTable? fields = null, int maxRecordBytes = 1 << 20)
    {
        var errors = new ErrorList();
        var context = new DecodeContext(fields ?? FieldTable.Empty, errors) { MaxRecordBytes = maxRecordBytes };
        var events = format.Read(source, context).ToList();
        return (events, errors);
    }

    public static string Json(Event @event) => Parry.TestSupport.JsonEvents.ToJson(@event);
}
