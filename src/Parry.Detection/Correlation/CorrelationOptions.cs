namespace Parry.Detection.Correlation;

/// <summary>
/// How a correlation run treats time and how much state it may hold. The bounds hold whatever the input claims: a
/// spray of fresh group keys evicts (and counts) state instead of growing memory.
/// </summary>
public sealed record CorrelationOptions
{
    /// <summary>How far behind the newest event time seen a detection may arrive and still be correlated exactly;
    /// later ones are dropped and counted as late. Correlation detections are delayed by this much event time.</summary>
    public TimeSpan Lateness { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Group states held at once, over all correlations; past it a group with little progress among the
    /// least recently active is evicted (counted).</summary>
    public int MaxGroups { get; init; } = 100_000;

    /// <summary>Entries (timestamps, distinct values, amounts) buffered in all groups' windows at once; past it
    /// groups are evicted as for <see cref="MaxGroups"/>.</summary>
    public int MaxBufferedEntries { get; init; } = 1_000_000;

    /// <summary>Entries one group's window may hold; past it the group's oldest entry is dropped (counted).</summary>
    public int MaxEntriesPerGroup { get; init; } = 100_000;

    /// <summary>Detections waiting for the watermark (the reorder buffer); past it the oldest is released early and
    /// the watermark moves up to it (counted).</summary>
    public int MaxPending { get; init; } = 1_000_000;

    /// <summary>Contributing detections a correlation detection carries in <c>Related</c> (the most recent).</summary>
    public int MaxRelated { get; init; } = 16;

    internal void Validate()
    {
        if (Lateness < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Lateness), Lateness, "lateness cannot be negative");
        Positive(MaxGroups, nameof(MaxGroups));
        Positive(MaxBufferedEntries, nameof(MaxBufferedEntries));
        Positive(MaxEntriesPerGroup, nameof(MaxEntriesPerGroup));
        Positive(MaxPending, nameof(MaxPending));
        Positive(MaxRelated, nameof(MaxRelated));
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "must be at least 1");
    }
}
