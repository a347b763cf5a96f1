using Parry.Sigma.Rules;

namespace Parry.Detection.Correlation;

/// <summary>Field names mean themselves.</summary>
public sealed class IdentityFieldMapping : ICorrelationFieldMapping
{
    public static readonly IdentityFieldMapping Instance = new();

    public IReadOnlyList<string> Map(SigmaRule rule, string field) => [field];
}
