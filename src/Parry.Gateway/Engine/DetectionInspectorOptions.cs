using Parry.Core.Detections;
using Parry.Detection.Correlation;
using Parry.Detection.Hunting;

namespace Parry.Gateway.Engine;

/// <summary>How the detection inspector runs: its timers, its bounds, and the two correlation runs (one judges
/// calls as they arrive, one records completed calls the way a hunt over the audit log would).</summary>
public sealed record DetectionInspectorOptions
{
    /// <summary>How often the judging correlations move on to the clock, so windows close without new calls.</summary>
    public TimeSpan AdvanceInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often changed campaigns are written to the detections sink (and once more at the end).</summary>
    public TimeSpan CampaignInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the record's thread pauses after catching up, so calls gather instead of waking it one by
    /// one (a wake-up costs several times the work of recording a call). Detections that only a call's result raises
    /// reach the judging correlations up to this much later. Zero: wake for every call.</summary>
    public TimeSpan RecordBatchInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Correlations that judge calls: no lateness, since the gateway sees each session's calls in order and a
    /// correlation completed by a call must be on that call's verdict.</summary>
    public CorrelationOptions Judging { get; init; } = new() { Lateness = TimeSpan.Zero };

    /// <summary>The record of completed calls: detections, correlations, behaviour and campaigns exactly as
    /// <c>parry hunt</c> computes them over the audit log (same defaults).</summary>
    public HuntOptions Record { get; init; } = new();

    /// <summary>A correlation at this level or above keeps holding its session's later calls until an operator
    /// approves one of them (the policy's <c>decision_level</c> with <c>session_hold: until_approved</c>); null: a
    /// correlation is a finding on the call that completed it only.</summary>
    public Level? SessionHoldLevel { get; init; } = Level.High;

    /// <summary>Calls followed from decision to result at once; past it the oldest is recorded without its result
    /// (as a hunt over the audit log does with a call whose result never came).</summary>
    public int MaxPendingCalls { get; init; } = 4096;

    /// <summary>Completed calls waiting to be recorded; past it further calls are left out of the record (counted
    /// and reported), never held up.</summary>
    public int MaxQueuedRecords { get; init; } = 16_384;

    /// <summary>Sessions whose held state is kept; past it the least recently flagged session's is forgotten.</summary>
    public int MaxSessions { get; init; } = 65_536;

    /// <summary>The path detections of the live gateway carry as their source (their record is the call's number in
    /// this run).</summary>
    public string SourcePath { get; init; } = "parry-gateway";
}
