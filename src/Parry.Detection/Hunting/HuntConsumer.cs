using Parry.Core.Detections;
using Parry.Detection.Behaviour;
using Parry.Detection.Reporting;

namespace Parry.Detection.Hunting;

/// <summary>
/// The single thread at the end of the pipeline: sees every outcome in event-time order, reports detections at or
/// above the minimum level to the sink, and keeps the per-level counts for the summary.
/// </summary>
internal sealed class HuntConsumer(IHuntSink sink, HuntOptions options)
{
    private readonly Dictionary<string, long> _byLevel = new(StringComparer.Ordinal);
    private readonly BehaviourTracker _behaviour = new(options.Behaviour);
    private readonly CampaignBuilder _campaigns = new(new AutonomyScorer(options.Autonomy));

    /// <summary>Actors evicted from behaviour tracking by its cap.</summary>
    public long BehaviourEvictions => _behaviour.Evictions;

    public long Detections { get; private set; }

    public long Campaigns { get; private set; }

    public IReadOnlyDictionary<string, long> DetectionsByLevel => _byLevel;

    public void Consume(HuntItem item)
    {
        if (item.Activity is { } activity)
        {
            _behaviour.Observe(activity);
            if (item.Detections.Length > 0)
                _behaviour.ObserveDetections(activity, item.Detections, item.Event.SourceKind, item.Event.Actors);
        }
        foreach (var detection in item.Detections)
            Report(detection);
    }

    /// <summary>Called once after the last item: campaigns are reported.</summary>
    public void Finish()
    {
        foreach (var campaign in _campaigns.Build(_behaviour))
        {
            Campaigns++;
            sink.Campaign(campaign);
        }
    }

    private void Report(Core.Detections.Detection detection)
    {
        Detections++;
        var level = detection.Rule.Level.Name();
        _byLevel[level] = _byLevel.GetValueOrDefault(level) + 1;
        if (detection.Rule.Level >= options.MinLevel)
            sink.Detection(detection);
    }
}
