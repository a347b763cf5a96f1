using Parry.Sigma.Conditions;

namespace Parry.Sigma.Rules;

/// <summary>
/// A rule's <c>detection</c>: its search identifiers in definition order and the parsed condition (a condition list
/// is OR-ed into one tree). Filters applied at load add their own identifiers and an <c>and not</c> branch.
/// </summary>
public sealed class SigmaDetection(
    IReadOnlyList<KeyValuePair<string, DetectionNode>> searchIdentifiers,
    ConditionNode condition,
    IReadOnlyList<string> conditionTexts)
{
    private readonly Dictionary<string, DetectionNode> _byName =
        searchIdentifiers.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Name and detection of every search identifier, in definition order.</summary>
    public IReadOnlyList<KeyValuePair<string, DetectionNode>> SearchIdentifiers { get; } = searchIdentifiers;

    public ConditionNode Condition { get; } = condition;

    /// <summary>The condition(s) as written in the rule.</summary>
    public IReadOnlyList<string> ConditionTexts { get; } = conditionTexts;

    public DetectionNode this[string identifier] => _byName[identifier];

    public bool TryGet(string identifier, out DetectionNode? node) => _byName.TryGetValue(identifier, out node);
}
