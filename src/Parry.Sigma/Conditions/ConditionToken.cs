namespace Parry.Sigma.Conditions;

/// <summary>A token of a condition: its kind, its text and where it starts.</summary>
internal readonly record struct ConditionToken(ConditionTokenKind Kind, string Text, int Position)
{
    public string Describe() => Kind == ConditionTokenKind.End ? "the end of the condition" : $"'{Text}'";
}
