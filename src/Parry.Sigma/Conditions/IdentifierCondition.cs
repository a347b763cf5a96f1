namespace Parry.Sigma.Conditions;

/// <summary>A search identifier of the rule: its detection holds.</summary>
public sealed class IdentifierCondition(string name, int position = 0) : ConditionNode(position)
{
    public string Name { get; } = name;

    public override ConditionNode Rename(Func<string, string> rename) => new IdentifierCondition(rename(Name), Position);

    public override IEnumerable<string> Identifiers() => [Name];

    public override string ToString() => Name;
}
