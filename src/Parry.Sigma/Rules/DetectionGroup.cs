namespace Parry.Sigma.Rules;

/// <summary>A map (<see cref="MatchAll"/>: every item must hold) or a list of maps and values (any may hold).</summary>
public sealed class DetectionGroup(bool matchAll, IReadOnlyList<DetectionNode> items, SourceLocation location)
    : DetectionNode(location)
{
    public bool MatchAll { get; } = matchAll;

    public IReadOnlyList<DetectionNode> Items { get; } = items;
}
