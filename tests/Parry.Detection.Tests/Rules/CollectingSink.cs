using Parry.Core.Campaigns;
using Parry.Detection.Reporting;

namespace Parry.Detection.Tests.Rules;

/// <summary>Keeps everything a hunt reports, for assertions.</summary>
internal sealed class CollectingSink : IHuntSink
{
    public List<Core.Detections.Detection> Detections { get; } = [];

    public List<Campaign> Campaigns { get; } = [];

    public HuntSummary? Summary { get; private set; }

    public void Detection(Core.Detections.Detection detection) => Detections.Add(detection);

    public void Campaign(Campaign campaign) => Campaigns.Add(campaign);

    public void Complete(HuntSummary summary) => Summary = summary;
}
