namespace Parry.Sigma.Matching;

/// <summary>Every Sigma field is the event field of the same name.</summary>
public sealed class IdentityFieldMapping : IFieldMapping
{
    public static readonly IdentityFieldMapping Instance = new();

    private IdentityFieldMapping()
    {
    }

    public IReadOnlyList<string> Map(string sigmaField) => [sigmaField];
}
