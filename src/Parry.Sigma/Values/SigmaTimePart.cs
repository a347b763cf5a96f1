namespace Parry.Sigma.Values;

/// <summary><c>field|hour: 3</c>: the field read as a date and time, the given part equal to <see cref="Value"/>.
/// Weeks are ISO 8601 weeks. No time zone conversion: the part is taken as the value writes it.</summary>
public sealed class SigmaTimePart(TimePartUnit unit, int value) : SigmaValue
{
    public TimePartUnit Unit { get; } = unit;

    public int Value { get; } = value;

    public override string ToString() => $"{Unit.ToString().ToLowerInvariant()} {Value}";
}
