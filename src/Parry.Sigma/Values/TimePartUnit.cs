namespace Parry.Sigma.Values;

/// <summary>The part of a date the time modifiers extract.</summary>
public enum TimePartUnit : byte
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
