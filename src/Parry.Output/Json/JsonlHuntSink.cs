using System.Text.Encodings.Web;
using System.Text.Json;
using Parry.Core.Campaigns;
using Parry.Detection.Reporting;

namespace Parry.Output.Json;

/// <summary>CONTRACT.md's <c>--format jsonl</c>: one JSON object per line, the summary always last.</summary>
public sealed class JsonlHuntSink : IHuntSink, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;

    public JsonlHuntSink(Stream output)
    {
        _output = output;
        // Relaxed escaping keeps paths and command lines readable (no \u005C for every backslash); output is
        // JSON for machines and people, never embedded in HTML.
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public void Detection(Core.Detections.Detection detection) => Line(w => ResultJson.WriteDetection(w, detection));

    public void Campaign(Campaign campaign) => Line(w => ResultJson.WriteCampaign(w, campaign));

    public void Complete(HuntSummary summary)
    {
        Line(w => ResultJson.WriteSummary(w, summary));
        _output.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private void Line(Action<Utf8JsonWriter> write)
    {
        write(_writer);
        _writer.Flush();
        _writer.Reset();
        _output.Write(NewLine);
    }
}
