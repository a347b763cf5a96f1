namespace Parry.Gateway.Policy;

/// <summary>A problem in a policy file, located by 1-based line and column.</summary>
public sealed record PolicyError(string Path, long Line, long Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
