namespace Parry.Sigma.Loading;

/// <summary>How to load rules. Immutable; <see cref="Default"/> loads everything with no placeholder values.</summary>
public sealed record SigmaLoadOptions
{
    public static readonly SigmaLoadOptions Default = new();

    /// <summary>Values for <c>%placeholders%</c> under <c>|expand</c>; a rule whose placeholder is not here is
    /// rejected ("unresolved placeholder").</summary>
    public PlaceholderTable Placeholders { get; init; } = PlaceholderTable.Empty;

    /// <summary>Statuses to keep (<c>stable</c>, <c>test</c>, <c>experimental</c>, <c>deprecated</c>,
    /// <c>unsupported</c>; a rule without status counts as <c>experimental</c>); null keeps all. Rules left out
    /// are listed in <see cref="SigmaLoadResult.Excluded"/>.</summary>
    public IReadOnlySet<string>? Statuses { get; init; }

    /// <summary>How many files parse at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Files larger than this are rejected unread.</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;
}
