namespace Parry.Detection.Behaviour;

/// <summary>
/// Thresholds and bounds of the behaviour analytics. Human limits are from studies of interactive command and web
/// use: a person rarely sustains gaps under ~1.2–1.35 s between deliberate actions.
/// </summary>
public sealed record BehaviourOptions
{
    /// <summary>Gaps shorter than this are faster than a person acts.</summary>
    public double HumanFloorSeconds { get; init; } = 1.3;

    /// <summary>A follow-up (page asset) this soon after the actor's last request is the browser's, not the
    /// actor's, and is left out of tempo measures.</summary>
    public double FollowUpWindowSeconds { get; init; } = 3;

    /// <summary>A gap longer than this ends a run at machine tempo (a pause, not a slow step).</summary>
    public double RunBreakSeconds { get; init; } = 5;

    /// <summary>A failure followed within this by another attempt counts as a fail-then-adapt loop.</summary>
    public double AdaptWindowSeconds { get; init; } = 10;

    /// <summary>Window in which distinct targets count as attacked in parallel.</summary>
    public double ParallelWindowSeconds { get; init; } = 10;

    /// <summary>Actors tracked at once; past it the least recently active actor without findings is evicted (and
    /// counted).</summary>
    public int MaxActors { get; init; } = 1_000_000;

    /// <summary>Actors with detections tracked at once; past it further actors' detections are still reported but
    /// not grouped into campaigns (counted).</summary>
    public int MaxActorsWithFindings { get; init; } = 100_000;

    /// <summary>Targets kept per campaign for the report.</summary>
    public int MaxTargetsPerActor { get; init; } = 64;
}
