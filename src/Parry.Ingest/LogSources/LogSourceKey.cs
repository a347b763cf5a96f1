namespace Parry.Ingest.LogSources;

/// <summary>A Sigma <c>logsource</c>: product, category, service — each optional, lower-case.</summary>
public sealed record LogSourceKey(string? Product, string? Category, string? Service)
{
    public static LogSourceKey Of(string? product, string? category, string? service) =>
        new(Normalise(product), Normalise(category), Normalise(service));

    /// <summary>How many of the three are set; the more, the more specific.</summary>
    public int Specificity => (Product is null ? 0 : 1) + (Category is null ? 0 : 1) + (Service is null ? 0 : 1);

    /// <summary>Whether a rule asking for this log source may run on events of <paramref name="entry"/>: every
    /// part this one sets, the entry sets to the same value.</summary>
    public bool IsServedBy(LogSourceKey entry) =>
        (Product is null || Product == entry.Product)
        && (Category is null || Category == entry.Category)
        && (Service is null || Service == entry.Service);

    public override string ToString() =>
        string.Join(", ", new[] { ("product", Product), ("category", Category), ("service", Service) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));

    private static string? Normalise(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
