using System.Text;
using System.Text.Json;
using Parry.Core.Events;
using Parry.Ingest.Evtx;
using Parry.Ingest.Sources;
using Parry.TestSupport;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>Corpus files and a one-call way to decode EVTX bytes or files in tests.</summary>
internal static class EvtxTestFiles
{
    public static IReadOnlyList<string> RegressionFiles() =>
        [.. Directory.EnumerateFiles(Corpora.SigmaRegressionData, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> AttackSamples() =>
        [.. Directory.EnumerateFiles(Corpora.EvtxAttackSamples, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static string AttackSample(string relative) => Path.Combine(Corpora.EvtxAttackSamples, relative);

    public static FieldTable NoFields { get; } = new FieldTableBuilder().Build();

    public static (List<Event> Events, IReadOnlyList<Parry.Core.Diagnostics.InputError> Errors) Decode(
        string path, bool verifyChecksums = true, int parallelism = 1, FieldTable? fields = null)
    {
        var source = new InputSource(path, () => File.OpenRead(path));
        return Decode(source, verifyChecksums, parallelism, fields);
    }

    public static (List<Event> Events, IReadOnlyList<Parry.Core.Diagnostics.InputError> Errors) Decode(
        string name, byte[] bytes, bool verifyChecksums = true, int parallelism = 1) =>
        Decode(new InputSource(name, () => new MemoryStream(bytes, writable: false)), verifyChecksums, parallelism, null);

    public static (List<Event> Events, IReadOnlyList<Parry.Core.Diagnostics.InputError> Errors) Decode(
        InputSource source, bool verifyChecksums, int parallelism, FieldTable? fields)
    {
        var sink = new CollectingErrorSink();
        var context = new DecodeContext(fields ?? NoFields, sink)
        {
            VerifyChecksums = verifyChecksums,
            MaxDegreeOfParallelism = parallelism,
        };
        var events = new EvtxFormat().Read(source, context).ToList();
        return (events, sink.Errors);
    }

    public static string ToJson(Event e)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            e.WriteJson(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The concatenated, pretty-printed JSON objects of an evtx_dump twin.</summary>
    public static List<JsonElement> ReadTwin(string jsonPath)
    {
        var bytes = File.ReadAllBytes(jsonPath);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var items = new List<JsonElement>();
        while (JsonDocument.TryParseValue(ref reader, out var document))
            items.Add(document.RootElement.Clone());
        return items;
    }
}
