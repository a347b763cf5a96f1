using Parry.Core.Actors;
using Parry.Core.Events;

namespace Parry.Core.Detections;

/// <summary>
/// A rule fired. For a single-event rule, <see cref="Event"/> is the event that matched; for a correlation rule it is
/// the event that completed the correlation and <see cref="Related"/> holds the detections it was built from.
/// </summary>
public sealed class Detection(RuleInfo rule, Event @event, Actor? actor)
{
    public RuleInfo Rule { get; } = rule;

    public Event Event { get; } = @event;

    public Actor? Actor { get; } = actor;

    public DateTimeOffset? Timestamp => Event.Timestamp;

    public EventOrigin Origin => Event.Origin;

    /// <summary>For a correlation: the detections that made it, oldest first (bounded by the correlator).</summary>
    public IReadOnlyList<Detection> Related { get; init; } = [];

    /// <summary>For a correlation: the group-by fields and their values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GroupBy { get; init; } = [];

    /// <summary>For a correlation: the aggregate that met the condition (a count, a sum …).</summary>
    public double? Aggregate { get; init; }

    public bool IsCorrelation => Related.Count > 0;
}
