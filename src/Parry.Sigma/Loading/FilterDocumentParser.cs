using Parry.Sigma.Filters;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>Reads one meta-filter document (sigma-filters-specification) into a <see cref="SigmaFilter"/>.</summary>
internal static class FilterDocumentParser
{
    private static readonly HashSet<string> Reserved = ["condition", "rules"];

    public static SigmaFilter Parse(YamlMaps doc, string path, PlaceholderTable placeholders)
    {
        var title = doc.Required("title");
        var logSource = RuleMetadata.LogSource(doc.RequiredMap("logsource"), requireKey: false);
        var section = doc.RequiredMap("filter");
        var rulesNode = section.Node("rules")
            ?? throw new SigmaParseException(section.Location, RejectionCategories.InvalidFilter,
                "the filter has no 'rules': list the ids or names of the rules to filter, or write 'rules: any'");
        var references = section.List("rules");
        var all = references.Count == 0
            || (rulesNode is RuleYamlScalar && references[0].ToLowerInvariant() is "any" or "all");
        var detection = new DetectionParser(placeholders).Parse(section, Reserved);
        return new SigmaFilter(title, doc.Optional("id"), logSource, all ? [] : references, all, detection, path, doc.Location)
        {
            Name = doc.Optional("name"),
            Description = doc.Optional("description"),
        };
    }
}
