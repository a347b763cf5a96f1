using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Detection.Reporting;

namespace Parry.Output.Json;

/// <summary>CONTRACT.md's <c>--format jsonl</c>: one JSON object per line, the summary always last.</summary>
public sealed class JsonlHuntSink(Stream output) : IHuntSink, IDisposable
{
    private readonly JsonLinesWriter _lines = new(output);
    private readonly LastEventJson _event = new(JsonLinesWriter.Options);

    // Each rule's part of its detection lines, rendered once: a hunt writes thousands of detections of a few hundred
    // rules, and the rule's id, title, tags, tactics and techniques were escaped and transcoded for every one.
    private readonly Dictionary<RuleInfo, byte[]> _ruleStarts = new(ReferenceEqualityComparer.Instance);

    public void Detection(Core.Detections.Detection detection)
    {
        if (!_ruleStarts.TryGetValue(detection.Rule, out var start))
            _ruleStarts[detection.Rule] = start = ResultJson.DetectionStart(detection.Rule, JsonLinesWriter.Options);
        _lines.WriteLine(start, (detection, _event), static (w, s) => ResultJson.WriteDetectionRest(w, s.detection, s._event.Of(s.detection.Event)), "}"u8);
    }

    public void Campaign(Campaign campaign) =>
        _lines.WriteLine(campaign, static (w, c) => ResultJson.WriteCampaign(w, c));

    public void Complete(HuntSummary summary)
    {
        _lines.WriteLine(summary, static (w, s) => ResultJson.WriteSummary(w, s));
        _lines.Flush();
    }

    public void Dispose() => _lines.Dispose();
}
