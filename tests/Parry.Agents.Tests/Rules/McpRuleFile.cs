using YamlDotNet.RepresentationModel;

namespace Parry.Agents.Tests.Rules;

/// <summary>
/// One of Parry's rules/mcp Sigma rules, read for tests. Matching here covers only the subset those rules use (maps of
/// field to a value or a list of values, compared case-insensitively, list fields matching when any item does;
/// conditions <c>name</c> and <c>1 of prefix*</c>): it checks that the rules' field names and values fit the events
/// the agents layer makes. The Sigma engine (Parry.Sigma) is what runs them in the product.
/// </summary>
internal sealed record McpRuleFile(string File, YamlMappingNode Root)
{
    public static IReadOnlyList<McpRuleFile> All(string folder) =>
    [
        .. Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal).Select(file =>
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
                stream.Load(reader);
            return new McpRuleFile(Path.GetFileName(file), (YamlMappingNode)stream.Documents.Single().RootNode);
        }),
    ];

    public string? Scalar(params string[] path)
    {
        YamlNode node = Root;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
                return null;
            node = child;
        }
        return (node as YamlScalarNode)?.Value;
    }

    public IReadOnlyList<string> List(string key) =>
        Root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "")]
            : [];

    public YamlMappingNode Detection => (YamlMappingNode)Root.Children[new YamlScalarNode("detection")];

    /// <summary>The selections: name → (field → accepted values).</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Selections()
    {
        var selections = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var (key, value) in Detection.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "condition")
                continue;
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (field, values) in ((YamlMappingNode)value).Children)
            {
                fields[((YamlScalarNode)field).Value!] = values is YamlSequenceNode list
                    ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value ?? "")]
                    : [((YamlScalarNode)values).Value ?? ""];
            }
            selections[name] = fields;
        }
        return selections;
    }

    public bool Matches(Func<string, IReadOnlyList<string>> valuesOf)
    {
        var selections = Selections();
        bool Selected(string name) => selections[name].All(field =>
        {
            var values = valuesOf(field.Key);
            return values.Any(v => field.Value.Any(accepted => string.Equals(v, accepted, StringComparison.OrdinalIgnoreCase)));
        });
        var condition = Scalar("detection", "condition")!.Trim();
        if (condition.StartsWith("1 of ", StringComparison.Ordinal) && condition.EndsWith('*'))
        {
            var prefix = condition[5..^1];
            return selections.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Any(Selected);
        }
        return Selected(condition);
    }
}
