namespace Parry.Detection.Correlation;

/// <summary>How one correlated rule's detections are read by one correlation: for each group-by entry and each
/// aggregated field, the event fields to try in order (aliases and log-source mappings resolved).</summary>
internal sealed class MemberPlan(CompiledCorrelation correlation, int member, int[][] groupFields, int[][] valueFields)
{
    public CompiledCorrelation Correlation { get; } = correlation;

    /// <summary>Position in the correlation's <c>rules</c> (the order temporal_ordered requires).</summary>
    public int Member { get; } = member;

    public int[][] GroupFields { get; } = groupFields;

    public int[][] ValueFields { get; } = valueFields;
}
