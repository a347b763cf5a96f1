namespace Parry.Sigma.Conditions;

/// <summary>The operand does not hold.</summary>
public sealed class NotCondition(ConditionNode operand, int position = 0) : ConditionNode(position)
{
    public ConditionNode Operand { get; } = operand;

    public override ConditionNode Rename(Func<string, string> rename) => new NotCondition(Operand.Rename(rename), Position);

    public override IEnumerable<string> Identifiers() => Operand.Identifiers();

    public override string ToString() => $"not {Operand}";
}
