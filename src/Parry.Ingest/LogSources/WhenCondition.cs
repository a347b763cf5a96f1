namespace Parry.Ingest.LogSources;

/// <summary>One condition of a mapping entry: the field (or <c>_kind</c>) has one of the values; no values means
/// the field only has to be present.</summary>
public sealed record WhenCondition(string Field, IReadOnlyList<string> Values)
{
    /// <summary>The pseudo-field naming the decoder that produced the event.</summary>
    public const string KindField = "_kind";

    public bool IsKind => string.Equals(Field, KindField, StringComparison.Ordinal);

    public bool AnyValue => Values.Count == 0;
}
