namespace Parry.Sigma.Conditions;

/// <summary>At least one operand holds.</summary>
public sealed class OrCondition(IReadOnlyList<ConditionNode> operands, int position = 0) : ConditionNode(position)
{
    public IReadOnlyList<ConditionNode> Operands { get; } = operands;

    public override ConditionNode Rename(Func<string, string> rename) => new OrCondition([.. Operands.Select(o => o.Rename(rename))], Position);

    public override IEnumerable<string> Identifiers() => Operands.SelectMany(o => o.Identifiers());

    public override string ToString() => "(" + string.Join(" or ", Operands) + ")";
}
