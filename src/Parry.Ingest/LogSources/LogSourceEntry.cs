namespace Parry.Ingest.LogSources;

/// <summary>
/// One mapping entry: events for which every <see cref="When"/> condition holds belong to <see cref="LogSource"/>;
/// rules served by it see Sigma field names translated by <see cref="Fields"/>.
/// </summary>
public sealed record LogSourceEntry(
    string Name,
    LogSourceKey LogSource,
    IReadOnlyList<WhenCondition> When,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    IReadOnlyList<ActorField> Actors,
    string File,
    int Line)
{
    /// <summary>What behaviour analytics read from this source's events.</summary>
    public ActivitySpec Activity { get; init; } = ActivitySpec.None;

    /// <summary>The event field names a Sigma field means for this source (itself when unmapped).</summary>
    public IReadOnlyList<string> MapField(string sigmaField) =>
        Fields.TryGetValue(sigmaField, out var mapped) ? mapped : [sigmaField];
}
