namespace Parry.Sigma.Correlations;

/// <summary>
/// When a correlation fires: every threshold holds for the aggregate (<c>gt: 100</c> and <c>lte: 200</c> is a
/// range), and for the value_* types the field(s) aggregated.
/// </summary>
public sealed class CorrelationCondition(IReadOnlyList<CorrelationThreshold> thresholds, IReadOnlyList<string> fields)
{
    public IReadOnlyList<CorrelationThreshold> Thresholds { get; } = thresholds;

    /// <summary><c>condition.field</c>: empty for event_count and the temporal types.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    public bool Holds(double aggregate) => Thresholds.All(t => t.Holds(aggregate));

    public override string ToString() => string.Join(" and ", Thresholds.Select(t => $"{t.Operator.ToString().ToLowerInvariant()} {t.Value}"));
}
