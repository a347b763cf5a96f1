namespace Parry.Detection.Correlation;

/// <summary>What a correlation run did and what it had to drop; nothing leaves the run uncounted.</summary>
public sealed class CorrelationCounters
{
    /// <summary>Base-rule detections handed in that feed at least one correlation.</summary>
    public long Observed { get; internal set; }

    /// <summary>Detections that arrived behind the watermark (more than the lateness late): dropped.</summary>
    public long Late { get; internal set; }

    /// <summary>Detections whose event has no time: dropped, as they cannot be placed in a window.</summary>
    public long Untimed { get; internal set; }

    /// <summary>Observations left out of a correlation because the event lacks a group-by field.</summary>
    public long MissingGroupField { get; internal set; }

    /// <summary>Observations of value_* correlations whose event lacks the field (or a number, for sums and
    /// averages): they count for nothing.</summary>
    public long MissingValue { get; internal set; }

    /// <summary>Correlation detections made, reported or not (steps of a chain that does not generate them).</summary>
    public long Fired { get; internal set; }

    /// <summary>Correlation detections handed out to the caller.</summary>
    public long Reported { get; internal set; }

    /// <summary>Group states evicted by <see cref="CorrelationOptions.MaxGroups"/> or
    /// <see cref="CorrelationOptions.MaxBufferedEntries"/> before their window ended.</summary>
    public long EvictedGroups { get; internal set; }

    /// <summary>Window entries dropped by the caps (with evicted groups, or a group over its own cap).</summary>
    public long EvictedEntries { get; internal set; }

    /// <summary>Detections released before the watermark reached them because the reorder buffer was full.</summary>
    public long ForcedReleases { get; internal set; }

    /// <summary>Group states held now.</summary>
    public int Groups { get; internal set; }

    /// <summary>Window entries held now, over all groups.</summary>
    public int BufferedEntries { get; internal set; }

    /// <summary>Detections waiting for the watermark now.</summary>
    public int Pending { get; internal set; }

    /// <summary>Most group states held at once.</summary>
    public int PeakGroups { get; internal set; }

    /// <summary>Most window entries held at once.</summary>
    public int PeakBufferedEntries { get; internal set; }
}
