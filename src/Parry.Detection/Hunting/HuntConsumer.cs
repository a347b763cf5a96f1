using Parry.Core.Actors;
using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Core.Diagnostics;
using Parry.Detection.Behaviour;
using Parry.Detection.Correlation;
using Parry.Detection.Reporting;

namespace Parry.Detection.Hunting;

/// <summary>
/// The single thread at the end of the pipeline. It sees every outcome in event-time order and: feeds detections
/// of correlated rules to the correlation run (rules whose matches only feed a correlation are not reported), reports
/// detections at or above the minimum level to the sink, and tracks every actor's behaviour and findings; at the
/// end it flushes the correlations and reports campaigns. Public so that a live stream (the MCP gateway's record of
/// completed tool calls) runs exactly the same steps as a hunt over its audit log.
/// </summary>
public sealed class HuntConsumer
{
    private readonly IHuntSink _sink;
    private readonly HuntOptions _options;
    private readonly CorrelationSet _correlations;
    private readonly CorrelationRun _correlationRun;
    private readonly Dictionary<string, long> _byLevel = new(StringComparer.Ordinal);
    private readonly BehaviourTracker _behaviour;
    private readonly CampaignBuilder _campaigns;
    private readonly List<Core.Detections.Detection> _correlated = [];

    public HuntConsumer(IHuntSink sink, HuntOptions options, CorrelationSet correlations, IInputErrorSink errors)
    {
        _sink = sink;
        _options = options;
        _correlations = correlations;
        _correlationRun = correlations.StartRun(options.Correlation, errors);
        _behaviour = new BehaviourTracker(options.Behaviour);
        _campaigns = new CampaignBuilder(new AutonomyScorer(options.Autonomy));
    }

    public long Detections { get; private set; }

    public long Campaigns { get; private set; }

    public IReadOnlyDictionary<string, long> DetectionsByLevel => _byLevel;

    /// <summary>Actors evicted from behaviour tracking by its cap, and correlation state evicted by its caps.</summary>
    public long Evictions => _behaviour.Evictions + _correlationRun.Counters.EvictedGroups + _correlationRun.Counters.EvictedEntries;

    internal void Consume(HuntItem item) => Consume(item.Detections, item.Activity, item.OrderTicks);

    /// <summary>One event's outcome, in event-time order: the detections the matcher found in it and its
    /// activity (null when it names no actor). <paramref name="orderTicks"/> is the time undated detections are
    /// correlated at (the last time seen before the event; <see cref="long.MinValue"/>: none).</summary>
    public void Consume(IReadOnlyList<Core.Detections.Detection> detections, Activity? activity, long orderTicks = long.MinValue)
    {
        if (activity is { } observed)
            _behaviour.Observe(observed);
        if (detections.Count == 0 && _correlated.Count == 0)
            return; // most events: an activity and nothing else
        List<Core.Detections.Detection>? reported = null;
        // Indexed, not foreach: an enumerator over the interface would be allocated for every event.
        for (var i = 0; i < detections.Count; i++)
        {
            var detection = detections[i];
            if (_correlations.ShouldReport(detection.Rule))
            {
                Report(detection);
                (reported ??= []).Add(detection);
            }
            if (_correlations.Correlates(detection.Rule))
            {
                if (detection.Timestamp is null && orderTicks != long.MinValue)
                    _correlationRun.Observe(detection, new DateTimeOffset(orderTicks, TimeSpan.Zero), _correlated);
                else
                    _correlationRun.Observe(detection, _correlated);
            }
        }
        if (reported is not null && activity is { } withFindings)
            _behaviour.ObserveDetections(withFindings, reported, reported[0].Event.SourceKind, reported[0].Event.Actors);
        ReportCorrelated();
    }

    /// <summary>The campaigns as they stand, without ending the run: a live stream reports them as it goes. Open
    /// correlation windows are not judged here (only <see cref="Finish"/> does that).</summary>
    public IReadOnlyList<Campaign> CurrentCampaigns() => _campaigns.Build(_behaviour);

    /// <summary>Called once after the last item: open correlation windows are judged, campaigns reported.</summary>
    public void Finish()
    {
        _correlationRun.Flush(_correlated);
        ReportCorrelated();
        foreach (var campaign in _campaigns.Build(_behaviour))
        {
            Campaigns++;
            _sink.Campaign(campaign);
        }
    }

    private void ReportCorrelated()
    {
        if (_correlated.Count == 0)
            return;
        foreach (var detection in _correlated)
        {
            Report(detection);
            if (detection.Actor is { } actor)
            {
                var ticks = detection.Timestamp?.UtcTicks ?? 0;
                var activity = new Activity(actor, KeyHash.Of(actor), ticks, 0, 0, ActivityFlags.None, null);
                IReadOnlyList<Actor> coActors = detection.Event.Actors;
                _behaviour.ObserveDetections(activity, [detection], detection.Event.SourceKind, coActors);
            }
        }
        _correlated.Clear();
    }

    private void Report(Core.Detections.Detection detection)
    {
        Detections++;
        var level = detection.Rule.Level.Name();
        _byLevel[level] = _byLevel.GetValueOrDefault(level) + 1;
        if (detection.Rule.Level >= _options.MinLevel)
            _sink.Detection(detection);
    }
}
