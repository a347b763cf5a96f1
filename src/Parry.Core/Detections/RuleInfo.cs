namespace Parry.Core.Detections;

/// <summary>What a detection reports about the rule that fired: identity, severity, ATT&amp;CK tags, provenance.</summary>
public sealed record RuleInfo(
    string Id,
    string Title,
    Level Level,
    IReadOnlyList<string> Tags,
    string? Status = null,
    string? Description = null,
    string? Author = null,
    string? Path = null,
    string? Name = null)
{
    public IReadOnlyList<string> FalsePositives { get; init; } = [];

    /// <summary>Fields the rule names as interesting to an analyst (Sigma's <c>fields</c>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
