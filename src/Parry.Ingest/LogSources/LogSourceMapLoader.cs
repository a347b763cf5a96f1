using Parry.Core.Actors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Ingest.LogSources;

/// <summary>Reads mapping files (format: README.md beside this file) into entries, with file and line for every
/// error.</summary>
internal static class LogSourceMapLoader
{
    private static readonly HashSet<string> EntryKeys = ["name", "logsource", "when", "fields", "actors", "activity"];
    private static readonly HashSet<string> LogSourceKeys = ["product", "category", "service"];

    public static IEnumerable<LogSourceEntry> Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new LogSourceMapException(file, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0)
            yield break;
        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(file, stream.Documents[0].RootNode, "expected a mapping with a 'sources' list");
        foreach (var (key, _) in root.Children)
        {
            if (Text(key) != "sources")
                throw Error(file, key, $"unknown key '{Text(key)}' (expected 'sources')");
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("sources"), out var sourcesNode))
            yield break;
        if (sourcesNode is not YamlSequenceNode sources)
            throw Error(file, sourcesNode, "'sources' must be a list");
        foreach (var item in sources)
            yield return ParseEntry(item, file);
    }

    private static LogSourceEntry ParseEntry(YamlNode node, string file)
    {
        if (node is not YamlMappingNode entry)
            throw Error(file, node, "each source must be a mapping");
        foreach (var (key, _) in entry.Children)
        {
            if (!EntryKeys.Contains(Text(key)))
                throw Error(file, key, $"unknown key '{Text(key)}' (expected one of {string.Join(", ", EntryKeys)})");
        }
        var name = ScalarOf(entry, "name", file) ?? throw Error(file, node, "a source needs a 'name'");

        if (Child(entry, "logsource") is not YamlMappingNode logsourceNode)
            throw Error(file, node, $"source '{name}' needs a 'logsource' mapping");
        foreach (var (key, _) in logsourceNode.Children)
        {
            if (!LogSourceKeys.Contains(Text(key)))
                throw Error(file, key, $"unknown logsource key '{Text(key)}'");
        }
        var logsource = LogSourceKey.Of(
            ScalarOf(logsourceNode, "product", file), ScalarOf(logsourceNode, "category", file), ScalarOf(logsourceNode, "service", file));
        if (logsource.Specificity == 0)
            throw Error(file, logsourceNode, $"source '{name}' has an empty logsource");

        if (Child(entry, "when") is not YamlMappingNode whenNode || whenNode.Children.Count == 0)
            throw Error(file, node, $"source '{name}' needs a non-empty 'when' mapping");
        var when = new List<WhenCondition>();
        foreach (var (key, value) in whenNode.Children)
        {
            var values = ValuesOf(value, file);
            when.Add(new WhenCondition(Text(key), values.Count == 1 && values[0] == "*" ? [] : values));
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (Child(entry, "fields") is { } fieldsNode)
        {
            if (fieldsNode is not YamlMappingNode fieldMap)
                throw Error(file, fieldsNode, "'fields' must map Sigma field names to event field names");
            foreach (var (key, value) in fieldMap.Children)
            {
                if (!fields.TryAdd(Text(key), ValuesOf(value, file)))
                    throw Error(file, key, $"field '{Text(key)}' is mapped twice");
            }
        }

        var actors = new List<ActorField>();
        if (Child(entry, "actors") is { } actorsNode)
        {
            if (actorsNode is not YamlSequenceNode actorList)
                throw Error(file, actorsNode, "'actors' must be a list of {kind, field}");
            foreach (var actorNode in actorList)
            {
                if (actorNode is not YamlMappingNode actor)
                    throw Error(file, actorNode, "an actor is {kind: ip|user|host|session, field: NAME}");
                var kindText = ScalarOf(actor, "kind", file) ?? throw Error(file, actorNode, "an actor needs a 'kind'");
                if (!Actor.TryParseKind(kindText, out var kind))
                    throw Error(file, actorNode, $"unknown actor kind '{kindText}' (ip, user, host, session)");
                var field = ScalarOf(actor, "field", file) ?? throw Error(file, actorNode, "an actor needs a 'field'");
                actors.Add(new ActorField(kind, field));
            }
        }
        var activity = Child(entry, "activity") is { } activityNode ? ParseActivity(activityNode, file) : ActivitySpec.None;
        return new LogSourceEntry(name, logsource, when, fields, actors, file, (int)node.Start.Line) { Activity = activity };
    }

    private static readonly HashSet<string> ActivityKeys = ["target", "item", "failure", "follow_up"];

    private static ActivitySpec ParseActivity(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map)
            throw Error(file, node, "'activity' must be a mapping of target, item, failure, follow_up");
        foreach (var (key, _) in map.Children)
        {
            if (!ActivityKeys.Contains(Text(key)))
                throw Error(file, key, $"unknown activity key '{Text(key)}' (expected one of {string.Join(", ", ActivityKeys)})");
        }
        return new ActivitySpec(
            Child(map, "target") is { } target ? ValuesOf(target, file) : [],
            Child(map, "item") is { } item ? ValuesOf(item, file) : [],
            Child(map, "failure") is { } failure ? Conditions(failure, file, "failure") : [],
            Child(map, "follow_up") is { } followUp ? Conditions(followUp, file, "follow_up") : []);
    }

    private static List<WhenCondition> Conditions(YamlNode node, string file, string key)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
            throw Error(file, node, $"'{key}' must map field names to a value or list of values");
        return [.. map.Children.Select(c => new WhenCondition(Text(c.Key), ValuesOf(c.Value, file)))];
    }

    private static IReadOnlyList<string> ValuesOf(YamlNode node, string file) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode list when list.Children.Count > 0 => list.Children.Select(c =>
            c is YamlScalarNode s ? s.Value ?? "" : throw Error(file, c, "expected a plain value")).ToList(),
        _ => throw Error(file, node, "expected a value or a non-empty list of values"),
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? ScalarOf(YamlMappingNode map, string key, string file) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        var other => throw Error(file, other, $"'{key}' must be a plain value"),
    };

    private static string Text(YamlNode node) => (node as YamlScalarNode)?.Value ?? "";

    private static LogSourceMapException Error(string file, YamlNode node, string reason) =>
        new(file, (int)node.Start.Line, reason);
}
