namespace Parry.Sigma.Values;

/// <summary><c>field: null</c>: the field is missing or holds a null.</summary>
public sealed class SigmaNull : SigmaValue
{
    public static readonly SigmaNull Instance = new();

    private SigmaNull()
    {
    }

    public override string ToString() => "null";
}
