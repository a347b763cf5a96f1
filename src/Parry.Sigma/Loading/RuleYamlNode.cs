using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// A node of a rule file's YAML as the loader reads it: a <see cref="RuleYamlScalar"/>, a <see cref="RuleYamlMap"/>
/// or a <see cref="RuleYamlSequence"/>, with where it starts. Parry's own small tree in place of YamlDotNet's
/// representation model: plain block YAML is read straight into it (<see cref="RuleYamlTreeTarget"/>), everything else
/// is loaded by YamlDotNet and copied (<see cref="RuleYamlTree"/>). YamlDotNet's nodes (each with an anchor, a tag, two
/// marks and, for a map, an ordered dictionary) and the parsing events before them were ~40 % of what loading all
/// SigmaHQ rules allocated.
/// </summary>
internal abstract class RuleYamlNode(SourceLocation start)
{
    public SourceLocation Start { get; } = start;
}
