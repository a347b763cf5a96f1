using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// Typed reads of a YAML map's attributes, each failing with a <see cref="SigmaParseException"/> at the offending
/// node. Keys are compared exactly (the specification's keys are lower-case).
/// </summary>
internal sealed class YamlMaps
{
    // The keys' text, in the map's order. A rule's maps hold a few dozen keys at most, so a key is found by a scan
    // rather than through a dictionary built for every map.
    private readonly string[] _keys;

    public YamlMaps(RuleYamlMap map, string what)
    {
        Map = map;
        _keys = new string[map.Count];
        for (var i = 0; i < _keys.Length; i++)
        {
            if (map.Keys[i] is not RuleYamlScalar key)
                throw new SigmaParseException(map.Keys[i].Start, RejectionCategories.InvalidAttribute, $"{what}: keys must be strings");
            _keys[i] = key.Value;
        }
    }

    public RuleYamlMap Map { get; }

    public SourceLocation Location => Map.Start;

    public bool Has(string key) => IndexOf(key) >= 0;

    public RuleYamlNode? Node(string key) => IndexOf(key) is var i and >= 0 ? Map.Values[i] : null;

    public IEnumerable<KeyValuePair<string, RuleYamlNode>> Entries
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
                yield return new KeyValuePair<string, RuleYamlNode>(_keys[i], Map.Values[i]);
        }
    }

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
            case RuleYamlScalar scalar:
                var raw = RawScalar.From(scalar);
                return raw.IsNull ? null : raw.Text;
            default:
                throw new SigmaParseException(node.Start, RejectionCategories.InvalidAttribute, $"'{key}' must be a single value");
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
            case RuleYamlScalar scalar:
                var raw = RawScalar.From(scalar);
                return raw.IsNull ? [] : [raw.Text];
            case RuleYamlSequence sequence:
                var list = new List<string>(sequence.Items.Length);
                foreach (var item in sequence.Items)
                {
                    if (item is not RuleYamlScalar itemScalar)
                        throw new SigmaParseException(item.Start, RejectionCategories.InvalidAttribute, $"'{key}' must be a list of values");
                    var itemRaw = RawScalar.From(itemScalar);
                    if (!itemRaw.IsNull)
                        list.Add(itemRaw.Text);
                }
                return list;
            default:
                throw new SigmaParseException(node.Start, RejectionCategories.InvalidAttribute, $"'{key}' must be a value or a list of values");
        }
    }

    public YamlMaps? OptionalMap(string key)
    {
        var node = Node(key);
        return node switch
        {
            null => null,
            RuleYamlMap map => new YamlMaps(map, key),
            RuleYamlScalar scalar when RawScalar.From(scalar).IsNull => null,
            _ => throw new SigmaParseException(node.Start, RejectionCategories.InvalidAttribute, $"'{key}' must be a map"),
        };
    }

    public YamlMaps RequiredMap(string key) =>
        OptionalMap(key) ?? throw new SigmaParseException(Location, RejectionCategories.MissingAttribute, $"the '{key}' section is missing");

    // The last key written wins, as a dictionary filled in order would have it (YamlDotNet refuses a key written
    // twice, but tells `a` and `!!str a` apart).
    private int IndexOf(string key)
    {
        for (var i = _keys.Length - 1; i >= 0; i--)
        {
            if (_keys[i] == key)
                return i;
        }
        return -1;
    }
}
