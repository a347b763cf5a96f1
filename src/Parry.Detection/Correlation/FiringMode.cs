namespace Parry.Detection.Correlation;

/// <summary>When a correlation's condition is judged (see README.md).</summary>
internal enum FiringMode : byte
{
    /// <summary>At every observation, over the sliding window ending at it: for aggregates that only grow as
    /// events are added and conditions that are only lower bounds (gt, gte).</summary>
    Eager,

    /// <summary>Once, when the window anchored at the group's first observation closes: for upper bounds (lt, lte),
    /// eq, neq, ranges, and aggregates that can fall as well as rise (average, percentile).</summary>
    AtClose,
}
