namespace Parry.Sigma.Rules;

/// <summary>A rule's <c>logsource</c>, lower-cased as the specification writes them.</summary>
public sealed record SigmaLogSource(string? Product, string? Category, string? Service, string? Definition = null)
{
    public static readonly SigmaLogSource Any = new(null, null, null);

    /// <summary>
    /// Whether this log source covers <paramref name="other"/>: every key this one sets, the other sets to the same
    /// value. <c>{product: windows}</c> covers <c>{product: windows, category: process_creation}</c>.
    /// </summary>
    public bool Covers(SigmaLogSource other) =>
        (Product is null || Product == other.Product)
        && (Category is null || Category == other.Category)
        && (Service is null || Service == other.Service);

    public override string ToString() =>
        string.Join(", ", new[] { ("product", Product), ("category", Category), ("service", Service) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));
}
