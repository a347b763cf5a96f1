using Parry.Core.Diagnostics;

namespace Parry.Detection.Reporting;

/// <summary>What a hunt read and found. <see cref="Errors"/> keeps the first errors (bounded);
/// <see cref="ErrorCount"/> counts them all.</summary>
public sealed record HuntSummary(
    long Files,
    long Events,
    long Detections,
    long Campaigns,
    int RulesLoaded,
    int RulesRejected,
    IReadOnlyList<InputError> Errors,
    long ErrorCount,
    long ElapsedMs)
{
    /// <summary>Bytes read from the inputs (decompressed size for compressed files).</summary>
    public long Bytes { get; init; }

    /// <summary>Detections per level name, for the closing summary.</summary>
    public IReadOnlyDictionary<string, long> DetectionsByLevel { get; init; } = new Dictionary<string, long>();

    /// <summary>Events per decoder kind.</summary>
    public IReadOnlyDictionary<string, long> EventsBySource { get; init; } = new Dictionary<string, long>();

    /// <summary>Correlation state the cap evicted (an attacker spraying fresh keys must not exhaust memory).</summary>
    public long CorrelationEvictions { get; init; }
}
