namespace Parry.Sigma.Values;

/// <summary>How a field reference compares: equal, or the referenced value as prefix, suffix or substring.</summary>
public enum FieldRefMode : byte
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,
}
