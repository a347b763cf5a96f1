namespace Parry.Sigma.Conditions;

/// <summary>A condition that cannot be parsed or refers to what the rule does not define; carries the offset in
/// the condition text and a stable category for summaries.</summary>
public sealed class ConditionSyntaxException(int position, string category, string message) : Exception(message)
{
    public int Position { get; } = position;

    public string Category { get; } = category;
}
