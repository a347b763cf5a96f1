using Parry.Core.Detections;
using Parry.Detection.Correlation.Windows;
using Parry.Sigma.Correlations;

namespace Parry.Detection.Correlation;

/// <summary>One correlation rule ready to evaluate: its window in ticks, its condition, when the condition is
/// judged, how each correlated rule's events are read, and which correlations consume its detections. Immutable
/// once the set is built.</summary>
internal sealed class CompiledCorrelation
{
    private readonly CorrelationThreshold[] _thresholds;

    public CompiledCorrelation(int index, SigmaCorrelation source, bool listed)
    {
        Index = index;
        Source = source;
        _thresholds = [.. source.Condition.Thresholds];
        SpanTicks = source.Timespan.Ticks;
        Mode = ModeOf(source.Type, _thresholds);
        Reports = listed && source.GeneratesDetections;
        EntriesNeeded = source.Type == CorrelationType.EventCount && Mode == FiringMode.Eager ? CountNeeded(_thresholds) : int.MaxValue;
    }

    public int Index { get; }

    public SigmaCorrelation Source { get; }

    public RuleInfo Info => Source.Info;

    public CorrelationType Type => Source.Type;

    public long SpanTicks { get; }

    public FiringMode Mode { get; }

    /// <summary>Whether its detections go to the caller (else they only feed the correlations built on it).</summary>
    public bool Reports { get; }

    /// <summary>Eager event_count: the count at which the condition first holds; the window never needs more.</summary>
    public int EntriesNeeded { get; }

    public int MemberCount => Source.Rules.Count;

    public int ValueFieldCount => Source.Condition.Fields.Count;

    /// <summary>How each correlated rule's events are read, in the order of <c>rules</c>.</summary>
    public MemberPlan[] Members { get; internal set; } = [];

    /// <summary>The members of other correlations that correlate this one.</summary>
    public MemberPlan[] Consumers { get; internal set; } = [];

    public bool Holds(double aggregate)
    {
        foreach (var threshold in _thresholds)
        {
            if (!threshold.Holds(aggregate))
                return false;
        }
        return true;
    }

    public GroupState CreateGroup(string key, KeyValuePair<string, string>[] groupBy, long sequence, int maxRelated) => Type switch
    {
        CorrelationType.EventCount => new CountWindow(this, key, groupBy, sequence, maxRelated),
        CorrelationType.ValueCount => new DistinctWindow(this, key, groupBy, sequence, maxRelated),
        CorrelationType.Temporal => new TemporalWindow(this, key, groupBy, sequence),
        CorrelationType.TemporalOrdered => new SequenceWindow(this, key, groupBy, sequence),
        CorrelationType.ValueSum when Mode == FiringMode.Eager => new SumWindow(this, key, groupBy, sequence, maxRelated),
        CorrelationType.ValueSum or CorrelationType.ValueAvg => new MeanWindow(this, key, groupBy, sequence, maxRelated),
        _ => new PercentileWindow(this, key, groupBy, sequence),
    };

    public override string ToString() => Source.ToString();

    // Early firing is sound only when adding events can never undo a met condition.
    private static FiringMode ModeOf(CorrelationType type, CorrelationThreshold[] thresholds)
    {
        var growing = type is CorrelationType.EventCount or CorrelationType.ValueCount or CorrelationType.Temporal
            or CorrelationType.TemporalOrdered or CorrelationType.ValueSum;
        var lowerBounds = thresholds.All(t => t.Operator is CorrelationOperator.Gt or CorrelationOperator.Gte);
        return growing && lowerBounds ? FiringMode.Eager : FiringMode.AtClose;
    }

    private static int CountNeeded(CorrelationThreshold[] thresholds)
    {
        var needed = 1.0;
        foreach (var t in thresholds)
            needed = Math.Max(needed, t.Operator == CorrelationOperator.Gte ? Math.Ceiling(t.Value) : Math.Floor(t.Value) + 1);
        return needed >= int.MaxValue ? int.MaxValue : (int)needed;
    }
}
