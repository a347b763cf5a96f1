namespace Parry.Detection.Behaviour;

/// <summary>
/// The thresholds and weights behind the autonomy score. Every one of them appears in the output next to the
/// measured value, so an analyst can see why a score is what it is and tune it.
/// </summary>
public sealed record AutonomyThresholds
{
    /// <summary>Tempo signals need this many measured gaps; fewer and they cannot fire (too little to judge).</summary>
    public int MinGaps { get; init; } = 10;

    public double MedianGapSeconds { get; init; } = 1.3;
    public double ShareBelowFloor { get; init; } = 0.5;
    public double SustainedSeconds { get; init; } = 30;
    public double PeakPerMinute { get; init; } = 40;
    public double GapCv { get; init; } = 1.0;
    public double DistinctItems { get; init; } = 25;
    public double DistinctTargets { get; init; } = 5;
    public double ParallelTargets { get; init; } = 3;
    public double AdaptedRetries { get; init; } = 5;
    public double Tactics { get; init; } = 3;
    public double StageGapSeconds { get; init; } = 300;

    public double MedianGapWeight { get; init; } = 0.15;
    public double ShareBelowFloorWeight { get; init; } = 0.15;
    public double SustainedWeight { get; init; } = 0.15;
    public double PeakRateWeight { get; init; } = 0.10;
    public double GapCvWeight { get; init; } = 0.05;
    public double DistinctItemsWeight { get; init; } = 0.10;
    public double DistinctTargetsWeight { get; init; } = 0.05;
    public double ParallelTargetsWeight { get; init; } = 0.05;
    public double AdaptedRetriesWeight { get; init; } = 0.10;
    public double TacticsWeight { get; init; } = 0.05;
    public double StageGapWeight { get; init; } = 0.05;
}
