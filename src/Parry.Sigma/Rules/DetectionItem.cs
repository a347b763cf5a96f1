using Parry.Sigma.Values;

namespace Parry.Sigma.Rules;

/// <summary>
/// <c>Field|mod1|mod2: values</c>, or keywords when <see cref="Field"/> is null. <see cref="Values"/> are the values
/// after the modifiers rewrote them; they are OR-ed unless <see cref="MatchAll"/> (the <c>all</c> modifier), and the
/// whole item is inverted when <see cref="Negated"/> (the <c>neq</c> modifier).
/// </summary>
public sealed class DetectionItem(
    string? field, IReadOnlyList<string> modifiers, IReadOnlyList<SigmaValue> values, bool matchAll, bool negated,
    SourceLocation location) : DetectionNode(location)
{
    /// <summary>The Sigma field name, or null for a keyword search over the whole event.</summary>
    public string? Field { get; } = field;

    /// <summary>The modifiers as written, in order.</summary>
    public IReadOnlyList<string> Modifiers { get; } = modifiers;

    public IReadOnlyList<SigmaValue> Values { get; } = values;

    public bool MatchAll { get; } = matchAll;

    public bool Negated { get; } = negated;

    public bool IsKeyword => Field is null;
}
