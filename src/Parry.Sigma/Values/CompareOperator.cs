namespace Parry.Sigma.Values;

/// <summary>The numeric comparison of <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>.</summary>
public enum CompareOperator : byte
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}
