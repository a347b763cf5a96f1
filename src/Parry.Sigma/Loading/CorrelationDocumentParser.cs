using System.Globalization;
using Parry.Sigma.Correlations;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>Reads one correlation document and checks it against what its type requires.</summary>
internal static class CorrelationDocumentParser
{
    public static CorrelationDraft Parse(YamlMaps doc, string path)
    {
        var (info, _) = RuleMetadata.Read(doc, path);
        var section = doc.RequiredMap("correlation");
        var typeText = section.Required("type");
        if (!CorrelationTypes.TryParse(typeText, out var type))
            throw Invalid(section, "type", $"correlation type '{typeText}' is not one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile");

        var references = section.List("rules");
        if (references.Count == 0)
            throw new SigmaParseException(section.Location, RejectionCategories.MissingAttribute, "the correlation names no 'rules'");
        if (references.Distinct(StringComparer.Ordinal).Count() != references.Count)
            throw Invalid(section, "rules", "the correlation names a rule twice");

        var timespanText = section.Required("timespan");
        if (!Timespans.TryParse(timespanText, out var timespan))
            throw new SigmaParseException(At(section, "timespan"), RejectionCategories.InvalidTimespan,
                $"timespan '{timespanText}' is not a whole number and a unit (s, m, h, d, w), such as 5m or 1h");

        var groupBy = section.List("group-by");
        var condition = Condition(section, type, references.Count);
        var aliases = Aliases(section);
        var generate = Generate(doc);
        return new CorrelationDraft(info, type, references, At(section, "rules"), groupBy, timespan, timespanText,
            condition, aliases, At(section, "aliases"), generate, path, doc.Location, doc.Optional("taxonomy"));
    }

    private static CorrelationCondition Condition(YamlMaps section, CorrelationType type, int ruleCount)
    {
        var map = section.OptionalMap("condition");
        if (map is null)
        {
            if (type.IsTemporal())
                return new CorrelationCondition([new CorrelationThreshold(CorrelationOperator.Gte, ruleCount)], []);
            throw new SigmaParseException(section.Location, RejectionCategories.MissingAttribute,
                $"a {type.Name()} correlation needs a 'condition' such as {{gte: 10}}");
        }
        var thresholds = new List<CorrelationThreshold>();
        IReadOnlyList<string> fields = [];
        foreach (var (key, node) in map.Entries)
        {
            if (key == "field")
            {
                fields = map.List("field");
                continue;
            }
            var op = key switch
            {
                "gt" => CorrelationOperator.Gt,
                "gte" => CorrelationOperator.Gte,
                "lt" => CorrelationOperator.Lt,
                "lte" => CorrelationOperator.Lte,
                "eq" => CorrelationOperator.Eq,
                "neq" => CorrelationOperator.Neq,
                _ => throw new SigmaParseException(node.Start, RejectionCategories.InvalidCorrelation,
                    $"condition key '{key}' is not one of gt, gte, lt, lte, eq, neq, field"),
            };
            if (node is not RuleYamlScalar scalar
                || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
                throw new SigmaParseException(node.Start, RejectionCategories.InvalidCorrelation,
                    $"condition '{key}' needs a number");
            thresholds.Add(new CorrelationThreshold(op, value));
        }
        if (thresholds.Count == 0)
            throw new SigmaParseException(map.Location, RejectionCategories.InvalidCorrelation, "the condition has no comparison (gt, gte, lt, lte, eq, neq)");
        if (type.UsesField() && fields.Count == 0)
            throw new SigmaParseException(map.Location, RejectionCategories.MissingAttribute, $"a {type.Name()} correlation needs 'field' in its condition");
        if (!type.UsesField() && fields.Count > 0)
            throw new SigmaParseException(map.Location, RejectionCategories.InvalidCorrelation,
                $"'field' only applies to value_* correlations, not {type.Name()}");
        return new CorrelationCondition(thresholds, fields);
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases(YamlMaps section)
    {
        var map = section.OptionalMap("aliases");
        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (map is null)
            return aliases;
        foreach (var (alias, node) in map.Entries)
        {
            if (node is not RuleYamlMap byRuleNode)
                throw new SigmaParseException(node.Start, RejectionCategories.InvalidCorrelation,
                    $"alias '{alias}' must map rule names to field names");
            var byRule = new YamlMaps(byRuleNode, alias);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (rule, _) in byRule.Entries)
                fields[rule] = byRule.Required(rule);
            aliases[alias] = fields;
        }
        return aliases;
    }

    private static bool Generate(YamlMaps doc)
    {
        var text = doc.Optional("generate");
        return text switch
        {
            null => false,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Invalid(doc, "generate", "'generate' must be true or false"),
        };
    }

    private static SourceLocation At(YamlMaps map, string key) => map.Node(key) is { } node ? node.Start : map.Location;

    private static SigmaParseException Invalid(YamlMaps map, string key, string message) =>
        new(At(map, key), RejectionCategories.InvalidCorrelation, message);
}
