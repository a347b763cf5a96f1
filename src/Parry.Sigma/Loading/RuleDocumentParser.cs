using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>Reads one detection-rule document into a <see cref="SigmaRule"/>.</summary>
internal static class RuleDocumentParser
{
    private static readonly HashSet<string> Reserved = ["condition"];

    public static SigmaRule Parse(YamlMaps doc, string path, PlaceholderTable placeholders)
    {
        var (info, explicitId) = RuleMetadata.Read(doc, path);
        var logSource = RuleMetadata.LogSource(doc.RequiredMap("logsource"), requireKey: true);
        var detection = new DetectionParser(placeholders).Parse(doc.RequiredMap("detection"), Reserved);
        return new SigmaRule(info, logSource, detection, path, doc.Location)
        {
            HasExplicitId = explicitId,
            Taxonomy = doc.Optional("taxonomy"),
            Date = doc.Optional("date"),
            Modified = doc.Optional("modified"),
            License = doc.Optional("license"),
            References = doc.List("references"),
            Related = RuleMetadata.Related(doc),
            Scope = doc.List("scope"),
        };
    }
}
