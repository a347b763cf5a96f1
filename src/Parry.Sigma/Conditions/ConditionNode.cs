namespace Parry.Sigma.Conditions;

/// <summary>
/// A node of a parsed condition. Identifiers are checked against the rule's search identifiers and <c>x of</c>
/// patterns are resolved to the identifiers they name, so a condition AST is complete on its own. Immutable.
/// </summary>
public abstract class ConditionNode
{
    private protected ConditionNode(int position) => Position = position;

    /// <summary>0-based offset of the node's first token in the condition text.</summary>
    public int Position { get; }

    /// <summary>The same tree with every search identifier renamed (used to graft a filter onto a rule).</summary>
    public abstract ConditionNode Rename(Func<string, string> rename);

    /// <summary>Every search identifier the node refers to.</summary>
    public abstract IEnumerable<string> Identifiers();
}
