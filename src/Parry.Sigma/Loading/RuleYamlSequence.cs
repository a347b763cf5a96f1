using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>A list of nodes in the order written.</summary>
internal sealed class RuleYamlSequence(SourceLocation start, RuleYamlNode[] items) : RuleYamlNode(start)
{
    /// <summary>Filled in by whoever builds the list (a copy of an aliased list can hold itself).</summary>
    public RuleYamlNode[] Items { get; } = items;
}
