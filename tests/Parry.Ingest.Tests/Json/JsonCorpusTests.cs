using System.Text.Json;
using Parry.Core.Events;
using Parry.Ingest.Json;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Support;
using Parry.TestSupport;

namespace Parry.Ingest.Tests.Json;

public class JsonCorpusTests
{
    [Fact]
    public void Every_regression_json_file_reads_without_errors_and_with_the_independent_object_count()
    {
        var files = Directory.GetFiles(Corpora.SigmaRegressionData, "*.json", SearchOption.AllDirectories);
        files.Length.ShouldBeGreaterThan(100);
        var fields = Decoding.Fields("EventID", "Channel", "Computer");
        var format = new JsonFormat();
        long total = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var expected = CountObjects(bytes);
            var (events, errors) = Decoding.Run(format, new InputSource(file, () => File.OpenRead(file)), fields);
            errors.Count.ShouldBe(0, $"{file}: {errors}");
            events.Count.ShouldBe(expected, file);
            events.ShouldAllBe(e => e.Timestamp != null, file);
            events.ShouldAllBe(e => e.Has(fields.IdOf("EventID")), file);
            total += events.Count;
        }
        total.ShouldBeGreaterThan(files.Length);
    }

    [Fact]
    public void Regression_events_match_an_independent_parse_field_for_field()
    {
        var file = Path.Combine(Corpora.SigmaRegressionData, "rules", "windows", "process_creation",
            "proc_creation_win_github_self_hosted_runner", "5bac7a56-da88-4c27-922e-c81e113b20cb.json");
        var fields = Decoding.Fields("EventID");
        var (events, _) = Decoding.Run(new JsonFormat(), new InputSource(file, () => File.OpenRead(file)), fields);
        var oracle = JsonEvents.ReadFile(file, fields);
        events.Count.ShouldBe(oracle.Count);
        for (var i = 0; i < events.Count; i++)
            Decoding.Json(events[i]).ShouldBe(JsonEvents.ToJson(oracle[i]));
    }

    // System.Text.Json's own count: top-level values, an array counting its items.
    private static int CountObjects(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var count = 0;
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            count += document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 1;
        }
        return count;
    }
}
