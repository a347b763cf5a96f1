using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>A map: its keys and values in the order written. YAML lets a key be any node; Sigma's are scalars,
/// which the readers of the rule model check.</summary>
internal sealed class RuleYamlMap(SourceLocation start, RuleYamlNode[] keys, RuleYamlNode[] values) : RuleYamlNode(start)
{
    /// <summary>Filled in by whoever builds the map (a copy of an aliased map can hold itself).</summary>
    public RuleYamlNode[] Keys { get; } = keys;

    public RuleYamlNode[] Values { get; } = values;

    public int Count => Keys.Length;
}
