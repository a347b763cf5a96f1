using Parry.Core.Campaigns;
using Parry.Detection.Reporting;

namespace Parry.Output.Json;

/// <summary>CONTRACT.md's <c>--format jsonl</c>: one JSON object per line, the summary always last.</summary>
public sealed class JsonlHuntSink(Stream output) : IHuntSink, IDisposable
{
    private readonly JsonLinesWriter _lines = new(output);
    private readonly LastEventJson _event = new(JsonLinesWriter.Options);

    public void Detection(Core.Detections.Detection detection) =>
        _lines.WriteLine((detection, _event), static (w, s) => ResultJson.WriteDetection(w, s.detection, s._event.Of(s.detection.Event)));

    public void Campaign(Campaign campaign) =>
        _lines.WriteLine(campaign, static (w, c) => ResultJson.WriteCampaign(w, c));

    public void Complete(HuntSummary summary)
    {
        _lines.WriteLine(summary, static (w, s) => ResultJson.WriteSummary(w, s));
        _lines.Flush();
    }

    public void Dispose() => _lines.Dispose();
}
