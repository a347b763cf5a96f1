using System.Security.Cryptography;
using System.Text;
using Parry.Core.Detections;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>The attributes rules and correlations share, read and validated once: identity, status, level and
/// the descriptive lists.</summary>
internal static class RuleMetadata
{
    private static readonly string[] Statuses = ["stable", "test", "experimental", "deprecated", "unsupported"];
    private static readonly string[] RelationTypes = ["derived", "obsolete", "merged", "renamed", "similar"];

    /// <summary>Builds the <see cref="RuleInfo"/>. A rule without <c>level</c> is <see cref="Level.Medium"/>:
    /// the specification leaves it optional, and the middle level neither hides nor inflates the rule.</summary>
    public static (RuleInfo Info, bool ExplicitId) Read(YamlMaps doc, string path)
    {
        var title = doc.Required("title");
        var id = doc.Optional("id");
        var status = doc.Optional("status");
        if (status is not null && !Statuses.Contains(status))
            throw new SigmaParseException(Where(doc, "status"), RejectionCategories.InvalidStatus,
                $"status '{status}' is not one of {string.Join(", ", Statuses)}");
        var levelText = doc.Optional("level");
        var level = Level.Medium;
        if (levelText is not null && !LevelNames.TryParse(levelText, out level))
            throw new SigmaParseException(Where(doc, "level"), RejectionCategories.InvalidLevel,
                $"level '{levelText}' is not one of informational, low, medium, high, critical");
        var info = new RuleInfo(
            id ?? GeneratedId(path, title), title, level, doc.List("tags"), status, doc.Optional("description"),
            Author(doc), path, doc.Optional("name"))
        {
            FalsePositives = doc.List("falsepositives"),
            Fields = doc.List("fields"),
        };
        return (info, id is not null);
    }

    /// <summary>The id of a rule that has none: its path and a hash of its title, stable across runs.</summary>
    public static string GeneratedId(string path, string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(title));
        return $"{path}#{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }

    public static IReadOnlyList<RelatedRule> Related(YamlMaps doc)
    {
        var node = doc.Node("related");
        if (node is null)
            return [];
        if (node is not RuleYamlSequence sequence)
            throw new SigmaParseException(node.Start, RejectionCategories.InvalidAttribute, "'related' must be a list of {id, type}");
        var related = new List<RelatedRule>();
        foreach (var item in sequence.Items)
        {
            if (item is not RuleYamlMap map)
                throw new SigmaParseException(item.Start, RejectionCategories.InvalidAttribute, "'related' must be a list of {id, type}");
            var entry = new YamlMaps(map, "related");
            var type = entry.Required("type");
            if (!RelationTypes.Contains(type))
                throw new SigmaParseException(entry.Location, RejectionCategories.InvalidAttribute,
                    $"related type '{type}' is not one of {string.Join(", ", RelationTypes)}");
            related.Add(new RelatedRule(entry.Required("id"), type));
        }
        return related;
    }

    public static SigmaLogSource LogSource(YamlMaps logsource, bool requireKey)
    {
        var source = new SigmaLogSource(
            logsource.Optional("product")?.ToLowerInvariant(),
            logsource.Optional("category")?.ToLowerInvariant(),
            logsource.Optional("service")?.ToLowerInvariant(),
            logsource.Optional("definition"));
        if (requireKey && source.Product is null && source.Category is null && source.Service is null)
            throw new SigmaParseException(logsource.Location, RejectionCategories.MissingAttribute,
                "'logsource' names no product, category or service");
        return source;
    }

    private static string? Author(YamlMaps doc)
    {
        var authors = doc.List("author");
        return authors.Count == 0 ? null : string.Join(", ", authors);
    }

    private static SourceLocation Where(YamlMaps doc, string key) =>
        doc.Node(key) is { } node ? node.Start : doc.Location;
}
