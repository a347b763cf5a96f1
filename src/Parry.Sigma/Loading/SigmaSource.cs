namespace Parry.Sigma.Loading;

/// <summary>Rule text to load: a file, or an embedded resource, shown in messages as <see cref="DisplayPath"/>.</summary>
public sealed record SigmaSource(string DisplayPath, Func<string> ReadText)
{
    /// <summary>The size in bytes when known before reading (files), so an oversized file is never read.</summary>
    public long? Size { get; init; }

    public static SigmaSource FromText(string yaml, string displayPath) => new(displayPath, () => yaml);
}
