using Parry.Sigma.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// Copies a document YamlDotNet loaded (the files <see cref="BlockYamlReader"/> leaves to it) into Parry's
/// <see cref="RuleYamlNode"/> tree. A node reached through several aliases is copied once and shared, as in
/// YamlDotNet's model, so an alias bomb stays as small here as there and the rule readers' node count still
/// counts every use; a node that holds itself (an anchor used inside its own node) is copied into one that does.
/// </summary>
internal static class RuleYamlTree
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static RuleYamlNode From(YamlNode root) => Copy(root, new Dictionary<YamlNode, RuleYamlNode>(ReferenceEqualityComparer.Instance));

    private static RuleYamlNode Copy(YamlNode node, Dictionary<YamlNode, RuleYamlNode> copies)
    {
        if (copies.TryGetValue(node, out var copied))
            return copied;
        var start = SourceLocation.From(node.Start);
        switch (node)
        {
            case YamlScalarNode scalar:
            {
                var stringTag = !scalar.Tag.IsEmpty && scalar.Tag.Value is StringTag or "!";
                var copy = new RuleYamlScalar(scalar.Value ?? "", scalar.Style, stringTag, start, (int)scalar.End.Line);
                copies.Add(node, copy);
                return copy;
            }
            case YamlMappingNode map:
            {
                var copy = new RuleYamlMap(start, new RuleYamlNode[map.Children.Count], new RuleYamlNode[map.Children.Count]);
                copies.Add(node, copy);
                var i = 0;
                foreach (var (key, value) in map.Children)
                {
                    copy.Keys[i] = Copy(key, copies);
                    copy.Values[i] = Copy(value, copies);
                    i++;
                }
                return copy;
            }
            case YamlSequenceNode sequence:
            {
                var copy = new RuleYamlSequence(start, new RuleYamlNode[sequence.Children.Count]);
                copies.Add(node, copy);
                for (var i = 0; i < sequence.Children.Count; i++)
                    copy.Items[i] = Copy(sequence.Children[i], copies);
                return copy;
            }
            default:
                // YamlDotNet resolves every alias while loading (or fails the load), so no other node reaches here.
                throw new YamlException(node.Start, node.End, $"unexpected {node.NodeType} node");
        }
    }
}
