namespace Parry.Sigma.Conditions;

/// <summary>How many of the named search identifiers an <see cref="OfCondition"/> needs.</summary>
public enum OfQuantifier : byte
{
    /// <summary><c>1 of</c> / <c>any of</c>, and <c>N of</c> with <see cref="OfCondition.Count"/> N.</summary>
    AtLeast,

    /// <summary><c>all of</c>.</summary>
    All,
}
