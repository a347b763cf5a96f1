using Parry.Core.Detections;

namespace Parry.Detection.Hunting;

/// <summary>How a hunt runs: parallelism, reporting threshold, and the bounds that keep memory flat.</summary>
public sealed record HuntOptions
{
    /// <summary>Worker threads for decoding and matching.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Detections below this level are counted but not reported.</summary>
    public Level MinLevel { get; init; } = Level.Informational;

    /// <summary>Events matched per batch handed between threads.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Batches a file's producer may run ahead of the consumer.</summary>
    public int BatchesInFlightPerFile { get; init; } = 4;

    /// <summary>Files merged into one time-ordered stream at once; more files are taken in groups of this size,
    /// one group after another (correlation across groups then only sees what fits in its lateness).</summary>
    public int MaxFilesMerged { get; init; } = 128;

    public Behaviour.BehaviourOptions Behaviour { get; init; } = new();

    public Behaviour.AutonomyThresholds Autonomy { get; init; } = new();

    /// <summary>Input errors kept for the summary; all are counted.</summary>
    public int MaxErrorsKept { get; init; } = 1000;
}
