using Parry.Core.Campaigns;
using Parry.Core.Detections;

namespace Parry.Detection.Reporting;

/// <summary>Where a hunt's results go. Called from one thread, in order: detections and campaigns as they are
/// found, then <see cref="Complete"/> exactly once.</summary>
public interface IHuntSink
{
    void Detection(Core.Detections.Detection detection);

    void Campaign(Campaign campaign);

    void Complete(HuntSummary summary);
}
