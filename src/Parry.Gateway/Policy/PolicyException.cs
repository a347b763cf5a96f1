namespace Parry.Gateway.Policy;

/// <summary>A policy file that cannot be used: every problem found, each with its location.</summary>
public sealed class PolicyException(IReadOnlyList<PolicyError> errors)
    : Exception("invalid policy:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}
