namespace Parry.Sigma.Loading;

/// <summary>Something loaded but worth telling: a filter naming a rule that is not there, or whose log source
/// does not cover the rule's.</summary>
public sealed record LoadWarning(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
