namespace Parry.Sigma.Correlations;

/// <summary>The names correlation rules write types with, and what each type requires.</summary>
public static class CorrelationTypes
{
    public static bool TryParse(string? text, out CorrelationType type)
    {
        switch (text)
        {
            case "event_count": type = CorrelationType.EventCount; return true;
            case "value_count": type = CorrelationType.ValueCount; return true;
            case "temporal": type = CorrelationType.Temporal; return true;
            case "temporal_ordered": type = CorrelationType.TemporalOrdered; return true;
            case "value_sum": type = CorrelationType.ValueSum; return true;
            case "value_avg": type = CorrelationType.ValueAvg; return true;
            case "value_percentile": type = CorrelationType.ValuePercentile; return true;
            default: type = default; return false;
        }
    }

    public static string Name(this CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        _ => "value_percentile",
    };

    /// <summary>The types that aggregate a field named by <c>condition.field</c>.</summary>
    public static bool UsesField(this CorrelationType type) =>
        type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;

    public static bool IsTemporal(this CorrelationType type) => type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
}
