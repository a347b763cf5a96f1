namespace Parry.Detection.Correlation;

/// <summary>
/// The state of one group (one combination of group-by values) of one correlation: its window's entries, and the
/// links that keep it on the run's recency list. Subclasses hold what their correlation type aggregates.
/// </summary>
internal abstract class GroupState(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence)
{
    public CompiledCorrelation Correlation { get; } = correlation;

    /// <summary>The group-by values as compared (lower-cased), in the run's key form.</summary>
    public string Key { get; } = key;

    /// <summary>The group-by fields and their values as first seen, for the detections.</summary>
    public KeyValuePair<string, string>[] GroupBy { get; } = groupBy;

    /// <summary>Creation order; breaks ties between timers so runs are deterministic.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Stream time of the group's latest observation.</summary>
    public long LastTicks { get; set; }

    /// <summary>Stream time of the group's first observation in its current window (window start when judged at
    /// close).</summary>
    public long FirstTicks { get; set; }

    /// <summary>When the run must look at the group again: its window closes (judged at close), or its entries have
    /// all left the sliding window (eager).</summary>
    public long Due => Correlation.Mode == FiringMode.AtClose ? FirstTicks + Correlation.SpanTicks : LastTicks + Correlation.SpanTicks;

    /// <summary>The latest detection observed: the one that completes the correlation if it fires now.</summary>
    public Core.Detections.Detection? Last { get; set; }

    public bool Alive { get; set; } = true;

    public GroupState? Newer { get; set; }

    public GroupState? Older { get; set; }

    /// <summary>Buffered entries (times, values, contributing detections).</summary>
    public abstract int Entries { get; }

    /// <summary>Adds an observation; for eager correlations, entries older than the sliding window leave first.</summary>
    public abstract void Add(in Observation observation);

    /// <summary>Eager: whether the window ending at the latest observation meets the condition.</summary>
    public abstract bool TryFire(out Firing firing);

    /// <summary>At close: judges the window, adding what fires.</summary>
    public abstract void Close(List<Firing> firings);

    /// <summary>Forgets the window's entries (after firing: each detection is backed by its own events).</summary>
    public abstract void Reset();

    /// <summary>Drops the oldest entry (the group is over its own cap).</summary>
    public abstract void DropOldest();

    public override string ToString() => $"{Correlation.Info.Title} [{string.Join(", ", GroupBy.Select(p => $"{p.Key}={p.Value}"))}]";
}
