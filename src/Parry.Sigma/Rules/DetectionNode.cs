namespace Parry.Sigma.Rules;

/// <summary>
/// What a search identifier holds: a <see cref="DetectionGroup"/> (a map: AND; a list of maps: OR) or a
/// <see cref="DetectionItem"/> (one field, or keywords, with its values). Immutable.
/// </summary>
public abstract class DetectionNode
{
    private protected DetectionNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }
}
