using System.Collections.Frozen;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// Values for the <c>%placeholders%</c> that rules mark with <c>|expand</c>: name → values (OR-ed). Values are Sigma
/// strings, so <c>*</c> and <c>?</c> are wildcards in them. Names compare case-insensitively. Immutable; loaded
/// from YAML such as <c>{Admins: [adm_*, root], DomainControllers: dc01}</c>.
/// </summary>
public sealed class PlaceholderTable
{
    public static readonly PlaceholderTable Empty = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly FrozenDictionary<string, IReadOnlyList<string>> _values;

    public PlaceholderTable(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        _values = values.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.OrdinalIgnoreCase);

    public int Count => _values.Count;

    public IEnumerable<string> Names => _values.Keys;

    public bool TryGetValues(string name, out IReadOnlyList<string> values) => _values.TryGetValue(name, out values!);

    public static PlaceholderTable LoadFile(string path) => FromYaml(File.ReadAllText(path), path);

    /// <summary>Reads a YAML map of placeholder name to a value or a list of values.</summary>
    /// <exception cref="PlaceholderTableException">The text is not such a map; the message names the location.</exception>
    public static PlaceholderTable FromYaml(string yaml, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PlaceholderTableException(displayPath, (int)e.Start.Line, (int)e.Start.Column, e.Message);
        }
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0)
            return new PlaceholderTable(values);
        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw At(displayPath, stream.Documents[0].RootNode, "expected one map of placeholder name to values");
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                throw At(displayPath, keyNode, "a placeholder name must be a non-empty string");
            var list = new List<string>();
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    list.Add(scalar.Value ?? "");
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        if (item is not YamlScalarNode itemScalar)
                            throw At(displayPath, item, $"the values of '{name}' must be strings");
                        list.Add(itemScalar.Value ?? "");
                    }
                    break;
                default:
                    throw At(displayPath, valueNode, $"'{name}' must map to a value or a list of values");
            }
            if (!values.TryAdd(name, list))
                throw At(displayPath, keyNode, $"placeholder '{name}' is defined twice");
        }
        return new PlaceholderTable(values);
    }

    private static PlaceholderTableException At(string path, YamlNode node, string message) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, message);
}
