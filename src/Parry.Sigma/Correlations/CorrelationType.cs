namespace Parry.Sigma.Correlations;

/// <summary>The correlation types of the Sigma 2.1 correlation specification.</summary>
public enum CorrelationType : byte
{
    /// <summary><c>event_count</c>: how many events the rules matched per group.</summary>
    EventCount,

    /// <summary><c>value_count</c>: how many distinct values of a field per group.</summary>
    ValueCount,

    /// <summary><c>temporal</c>: the rules all matched within the timespan, any order.</summary>
    Temporal,

    /// <summary><c>temporal_ordered</c>: the rules matched in the order listed.</summary>
    TemporalOrdered,

    /// <summary><c>value_sum</c>: the sum of a numeric field per group.</summary>
    ValueSum,

    /// <summary><c>value_avg</c>: the average of a numeric field per group.</summary>
    ValueAvg,

    /// <summary><c>value_percentile</c>: a percentile of a numeric field per group.</summary>
    ValuePercentile,
}
