using System.Globalization;
using System.Text.Json;
using Parry.Core.Campaigns;
using Parry.Detection.Reporting;

namespace Parry.Bench.Gateway;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// Writes every detection of the record as one line — rule, record number, actor, correlation details and the whole
/// event as JSON — so that two builds can be compared with <c>cmp</c> on the same input (<c>--dump</c>). Campaigns are
/// left out (the campaign timer writes them when it ticks, which differs from run to run); the summary's counts stay.
/// </summary>
internal sealed class DetectionDumpSink(TextWriter output) : IHuntSink
{
    private readonly MemoryStream _event = new();

    public void Detection(Detection detection)
    {
        _event.SetLength(0);
        using (var writer = new Utf8JsonWriter(_event))
            detection.Event.WriteJson(writer);
        var groups = string.Join(",", detection.GroupBy.Select(g => g.Key + "=" + g.Value));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{detection.Rule.Id}\t{detection.Origin.Record}\t{detection.Actor}\t{detection.Related.Count}\t{groups}\t{detection.Aggregate}\t{System.Text.Encoding.UTF8.GetString(_event.GetBuffer(), 0, (int)_event.Length)}"));
    }

    public void Campaign(Campaign campaign)
    {
    }

    public void Complete(HuntSummary summary) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary\tevents {summary.Events}\tdetections {summary.Detections}\tcampaigns {summary.Campaigns}"));
}
