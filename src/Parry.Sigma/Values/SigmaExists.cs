namespace Parry.Sigma.Values;

/// <summary><c>field|exists: true|false</c>: whether the field is present, whatever its value.</summary>
public sealed class SigmaExists(bool exists) : SigmaValue
{
    public bool Exists { get; } = exists;

    public override string ToString() => Exists ? "exists" : "not exists";
}
