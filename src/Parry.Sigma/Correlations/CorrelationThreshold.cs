namespace Parry.Sigma.Correlations;

/// <summary>One comparison of a correlation condition, such as <c>gte: 100</c>.</summary>
public sealed record CorrelationThreshold(CorrelationOperator Operator, double Value)
{
    public bool Holds(double aggregate) => Operator switch
    {
        CorrelationOperator.Gt => aggregate > Value,
        CorrelationOperator.Gte => aggregate >= Value,
        CorrelationOperator.Lt => aggregate < Value,
        CorrelationOperator.Lte => aggregate <= Value,
        CorrelationOperator.Eq => aggregate == Value,
        _ => aggregate != Value,
    };
}
