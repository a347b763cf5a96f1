namespace Parry.Sigma.Correlations;

/// <summary>The comparisons of a correlation condition.</summary>
public enum CorrelationOperator : byte
{
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Neq,
}
