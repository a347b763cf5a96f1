namespace Parry.Sigma.Values;

/// <summary><c>field|gt: 5</c> and friends: the event value, read as a number, compared with <see cref="Number"/>.</summary>
public sealed class SigmaCompare(CompareOperator op, double number) : SigmaValue
{
    public CompareOperator Operator { get; } = op;

    public double Number { get; } = number;

    public bool Holds(double value) => Operator switch
    {
        CompareOperator.GreaterThan => value > Number,
        CompareOperator.GreaterOrEqual => value >= Number,
        CompareOperator.LessThan => value < Number,
        _ => value <= Number,
    };

    public override string ToString() => Operator switch
    {
        CompareOperator.GreaterThan => ">",
        CompareOperator.GreaterOrEqual => ">=",
        CompareOperator.LessThan => "<",
        _ => "<=",
    } + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
