namespace Parry.Sigma.Loading;

/// <summary>
/// A rule (or correlation, or filter, or whole file) that was not loaded: where (file, 1-based line and column),
/// why in words a rule author can act on, and a short stable <see cref="ReasonCategory"/> from
/// <see cref="RejectionCategories"/>.
/// </summary>
public sealed record RuleRejection(string Path, int Line, int Column, string Reason, string ReasonCategory)
{
    /// <summary>The document's id or title, when they could be read.</summary>
    public string? RuleId { get; init; }

    public string? Title { get; init; }

    public override string ToString() => $"{Path}:{Line}:{Column}: {Reason} [{ReasonCategory}]";
}
