using System.Collections.Frozen;
using Parry.Agents.Attack;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Agents.Catalogue;

/// <summary>Reads catalogue YAML into a <see cref="ToolCatalogue"/>, collecting every problem (with its line) before
/// failing, so a broken data file is reported in one go.</summary>
internal sealed class CatalogueLoader
{
    private static readonly FrozenSet<string> ToolKeys =
        FrozenSet.Create(StringComparer.Ordinal, "id", "category", "programs", "subcommands", "flags", "arguments", "network", "port_flags", "single_port", "attack");

    private readonly List<string> _problems = [];
    private readonly Dictionary<string, Category> _categories = new(StringComparer.Ordinal);

    public static ToolCatalogue Load(TextReader reader, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new CatalogueException(source, [$"line {e.Start.Line}: {e.Message}"]);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new CatalogueException(source, ["the catalogue must be one YAML mapping"]);
        return new CatalogueLoader().Build(root, source);
    }

    private ToolCatalogue Build(YamlMappingNode root, string source)
    {
        foreach (var (key, _) in root.Children)
        {
            if (Text(key) is not ("categories" or "tools" or "behaviours" or "sensitive_paths" or "code_indicators"))
                Problem(key, $"unknown section '{Text(key)}'");
        }
        ReadCategories(Section(root, "categories"));
        var tools = ReadTools(Section(root, "tools"));
        var behaviours = ReadBehaviours(Section(root, "behaviours"));
        var paths = ReadSensitivePaths(Section(root, "sensitive_paths"));
        var code = ReadCodeIndicators(Section(root, "code_indicators"));
        if (_problems.Count > 0)
            throw new CatalogueException(source, _problems);
        return new ToolCatalogue(_categories, tools, behaviours, paths, code);
    }

    private void ReadCategories(YamlNode? node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "'categories' must be a mapping of id to {offensive, attack, description}");
            return;
        }
        foreach (var (key, value) in map.Children)
        {
            var id = Text(key) ?? "";
            if (value is not YamlMappingNode fields)
            {
                Problem(value, $"category '{id}' must be a mapping");
                continue;
            }
            var offensive = Text(Field(fields, "offensive")) switch
            {
                "true" => true,
                "false" => false,
                var other => Fail(fields, $"category '{id}': offensive must be true or false, not '{other}'"),
            };
            _categories[id] = new Category(id, offensive, Attack(Field(fields, "attack"), allowEmpty: true),
                Text(Field(fields, "description")) ?? "");
        }
    }

    private List<ToolEntry> ReadTools(YamlNode? node)
    {
        var tools = new List<ToolEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "tools"))
        {
            if (item is not YamlMappingNode fields)
            {
                Problem(item, "a tool must be a mapping");
                continue;
            }
            foreach (var (key, _) in fields.Children)
            {
                if (!ToolKeys.Contains(Text(key) ?? ""))
                    Problem(key, $"unknown tool key '{Text(key)}'");
            }
            var recognition = Recognition(fields, ids);
            if (recognition is null)
                continue;
            var programs = Lower(Field(fields, "programs"));
            var flags = Strings(Field(fields, "flags"));
            var arguments = Lower(Field(fields, "arguments"));
            if (programs.Count == 0 && arguments.Count == 0)
                Problem(fields, $"tool '{recognition.Id}' needs programs or arguments");
            if (programs.Count == 0 && flags.Count > 0)
                Problem(fields, $"tool '{recognition.Id}': flags need programs");
            var singlePortText = Text(Field(fields, "single_port"));
            bool? singlePort = singlePortText switch { "true" => true, "false" => false, _ => null };
            if (singlePortText is not null && singlePort is null)
                Problem(Field(fields, "single_port"), $"tool '{recognition.Id}': single_port must be true or false, not '{singlePortText}'");
            tools.Add(new ToolEntry(
                recognition,
                programs,
                Lower(Field(fields, "subcommands")).ToFrozenSet(StringComparer.Ordinal),
                flags,
                arguments,
                Text(Field(fields, "network")) == "true",
                Strings(Field(fields, "port_flags")),
                singlePort));
        }
        return tools;
    }

    private Dictionary<string, Recognition> ReadBehaviours(YamlNode? node)
    {
        var behaviours = new Dictionary<string, Recognition>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Problem(node, "'behaviours' must be a mapping of id to {category, attack, description}");
            return behaviours;
        }
        foreach (var (key, value) in map.Children)
        {
            var id = Text(key) ?? "";
            if (value is not YamlMappingNode fields)
            {
                Problem(value, $"behaviour '{id}' must be a mapping");
                continue;
            }
            var category = CategoryOf(fields, id);
            if (category is not null)
                behaviours[id] = new Recognition(id, category, AttackOrDefault(fields, category));
        }
        return behaviours;
    }

    private List<SensitivePath> ReadSensitivePaths(YamlNode? node)
    {
        var paths = new List<SensitivePath>();
        foreach (var item in Items(node, "sensitive_paths"))
        {
            if (item is not YamlMappingNode fields)
            {
                Problem(item, "a sensitive path must be a mapping");
                continue;
            }
            var id = Text(Field(fields, "id"));
            if (string.IsNullOrEmpty(id))
            {
                Problem(fields, "a sensitive path needs an id");
                continue;
            }
            var read = Access(Field(fields, "read"), id + ":read");
            var write = Access(Field(fields, "write"), id + ":write");
            var contains = Lower(Field(fields, "contains"));
            var names = Lower(Field(fields, "names"));
            if (contains.Count == 0 && names.Count == 0)
                Problem(fields, $"sensitive path '{id}' needs contains or names");
            if (read is null && write is null)
                Problem(fields, $"sensitive path '{id}' needs read or write");
            paths.Add(new SensitivePath(id, contains, names, Lower(Field(fields, "exclude")), read, write));
        }
        return paths;
    }

    private Recognition? Access(YamlNode? node, string id)
    {
        if (node is null)
            return null;
        if (node is not YamlMappingNode fields)
        {
            Problem(node, $"'{id}' must be a mapping {{category, attack}}");
            return null;
        }
        var category = CategoryOf(fields, id);
        return category is null ? null : new Recognition(id, category, AttackOrDefault(fields, category));
    }

    private List<CodeIndicator> ReadCodeIndicators(YamlNode? node)
    {
        var indicators = new List<CodeIndicator>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "code_indicators"))
        {
            if (item is not YamlMappingNode fields)
            {
                Problem(item, "a code indicator must be a mapping");
                continue;
            }
            var recognition = Recognition(fields, ids);
            var any = Strings(Field(fields, "any"));
            if (any.Count == 0)
                Problem(fields, "a code indicator needs 'any'");
            if (recognition is not null)
                indicators.Add(new CodeIndicator(recognition, any, Strings(Field(fields, "with"))));
        }
        return indicators;
    }

    private Recognition? Recognition(YamlMappingNode fields, HashSet<string> ids)
    {
        var id = Text(Field(fields, "id"));
        if (string.IsNullOrEmpty(id))
        {
            Problem(fields, "an entry needs an id");
            return null;
        }
        if (!ids.Add(id))
            Problem(fields, $"duplicate id '{id}'");
        var category = CategoryOf(fields, id);
        return category is null ? null : new Recognition(id, category, AttackOrDefault(fields, category));
    }

    private Category? CategoryOf(YamlMappingNode fields, string id)
    {
        var name = Text(Field(fields, "category"));
        if (name is not null && _categories.TryGetValue(name, out var category))
            return category;
        Problem(fields, $"'{id}': unknown category '{name}'");
        return null;
    }

    private IReadOnlyList<AttackMapping> AttackOrDefault(YamlMappingNode fields, Category category) =>
        Field(fields, "attack") is { } node ? Attack(node, allowEmpty: false) : category.Attack;

    private List<AttackMapping> Attack(YamlNode? node, bool allowEmpty)
    {
        var mappings = new List<AttackMapping>();
        foreach (var text in Strings(node))
        {
            if (AttackMapping.TryParse(text, out var mapping, out var problem))
                mappings.Add(mapping);
            else
                Problem(node, problem!);
        }
        if (!allowEmpty && mappings.Count == 0)
            Problem(node, "attack must list at least one tactic/technique");
        return mappings;
    }

    private IEnumerable<YamlNode> Items(YamlNode? node, string section)
    {
        if (node is YamlSequenceNode sequence)
            return sequence.Children;
        Problem(node, $"'{section}' must be a list");
        return [];
    }

    private static YamlNode? Section(YamlMappingNode root, string name) => Field(root, name);

    private static YamlNode? Field(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    private static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private List<string> Strings(YamlNode? node)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrEmpty(scalar.Value) ? [] : [scalar.Value];
            case YamlSequenceNode sequence:
                var list = new List<string>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    if (child is YamlScalarNode { Value: { Length: > 0 } value })
                        list.Add(value);
                    else
                        Problem(child, "expected a non-empty string");
                }
                return list;
            default:
                Problem(node, "expected a string or a list of strings");
                return [];
        }
    }

    private List<string> Lower(YamlNode? node) => [.. Strings(node).Select(s => s.ToLowerInvariant())];

    private void Problem(YamlNode? node, string message) =>
        _problems.Add(node is null ? message : $"line {node.Start.Line}: {message}");

    private bool Fail(YamlNode node, string message)
    {
        Problem(node, message);
        return false;
    }
}
