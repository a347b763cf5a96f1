using Parry.Sigma.Rules;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// Typed reads of a YAML map's attributes, each failing with a <see cref="SigmaParseException"/> at the offending
/// node. Keys are compared exactly (the specification's keys are lower-case).
/// </summary>
internal sealed class YamlMaps
{
    // Values by key; a dictionary of reference types shares the ahead-of-time compiled code, where one over a tuple
    // would be compiled at run time.
    private readonly Dictionary<string, YamlNode> _entries = new(StringComparer.Ordinal);

    public YamlMaps(YamlMappingNode map, string what)
    {
        Map = map;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
                throw new SigmaParseException(SourceLocation.From(key.Start), RejectionCategories.InvalidAttribute, $"{what}: keys must be strings");
            _entries[name] = value;
        }
    }

    public YamlMappingNode Map { get; }

    public SourceLocation Location => SourceLocation.From(Map.Start);

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var value) ? value : null;

    public IEnumerable<KeyValuePair<string, YamlNode>> Entries => Map.Children.Select(p => new KeyValuePair<string, YamlNode>(((YamlScalarNode)p.Key).Value!, p.Value));

    public string Required(string key)
    {
        var value = Optional(key);
        if (string.IsNullOrWhiteSpace(value))
            throw new SigmaParseException(Location, RejectionCategories.MissingAttribute, $"the '{key}' attribute is missing or empty");
        return value;
    }

    /// <summary>A scalar attribute's text, or null when absent or null.</summary>
    public string? Optional(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                var raw = RawScalar.From(scalar);
                return raw.IsNull ? null : raw.Text;
            default:
                throw new SigmaParseException(SourceLocation.From(node.Start), RejectionCategories.InvalidAttribute, $"'{key}' must be a single value");
        }
    }

    /// <summary>A scalar or a list of scalars; empty when absent.</summary>
    public IReadOnlyList<string> List(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                var raw = RawScalar.From(scalar);
                return raw.IsNull ? [] : [raw.Text];
            case YamlSequenceNode sequence:
                var list = new List<string>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode itemScalar)
                        throw new SigmaParseException(SourceLocation.From(item.Start), RejectionCategories.InvalidAttribute, $"'{key}' must be a list of values");
                    var itemRaw = RawScalar.From(itemScalar);
                    if (!itemRaw.IsNull)
                        list.Add(itemRaw.Text);
                }
                return list;
            default:
                throw new SigmaParseException(SourceLocation.From(node.Start), RejectionCategories.InvalidAttribute, $"'{key}' must be a value or a list of values");
        }
    }

    public YamlMaps? OptionalMap(string key)
    {
        var node = Node(key);
        return node switch
        {
            null => null,
            YamlMappingNode map => new YamlMaps(map, key),
            YamlScalarNode scalar when RawScalar.From(scalar).IsNull => null,
            _ => throw new SigmaParseException(SourceLocation.From(node.Start), RejectionCategories.InvalidAttribute, $"'{key}' must be a map"),
        };
    }

    public YamlMaps RequiredMap(string key) =>
        OptionalMap(key) ?? throw new SigmaParseException(Location, RejectionCategories.MissingAttribute, $"the '{key}' section is missing");
}
