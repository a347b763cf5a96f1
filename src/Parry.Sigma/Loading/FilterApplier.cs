using Parry.Sigma.Conditions;
using Parry.Sigma.Filters;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// Grafts meta filters onto the rules they name: the rule's condition becomes <c>(condition) and not (filter
/// condition)</c>, the filter's search identifiers joining the rule's under names that cannot collide. A filter
/// naming a rule that is not loaded, or whose log source does not cover it, is reported as a warning.
/// </summary>
internal static class FilterApplier
{
    public static List<SigmaRule> Apply(IReadOnlyList<SigmaRule> rules, IReadOnlyList<SigmaFilter> filters, List<LoadWarning> warnings)
    {
        var result = new List<SigmaRule>(rules.Count);
        var named = new HashSet<(SigmaFilter, string)>();
        foreach (var rule in rules)
        {
            var applicable = new List<SigmaFilter>();
            foreach (var filter in filters)
            {
                if (!filter.Names(rule))
                    continue;
                if (!filter.AppliesToAll)
                    named.Add((filter, rule.Id));
                if (filter.LogSource.Covers(rule.LogSource))
                {
                    applicable.Add(filter);
                }
                else if (!filter.AppliesToAll)
                {
                    warnings.Add(new LoadWarning(filter.Path, filter.Location.Line, filter.Location.Column,
                        $"filter '{filter.Title}' names rule {rule.Id} but its logsource ({filter.LogSource}) does not cover the rule's ({rule.LogSource}); not applied"));
                }
            }
            result.Add(applicable.Count == 0 ? rule : Graft(rule, applicable));
        }

        foreach (var filter in filters.Where(f => !f.AppliesToAll))
        {
            foreach (var reference in filter.RuleReferences)
            {
                if (!rules.Any(r => (r.Id == reference || r.Name == reference) && named.Contains((filter, r.Id))))
                    warnings.Add(new LoadWarning(filter.Path, filter.Location.Line, filter.Location.Column,
                        $"filter '{filter.Title}' names rule '{reference}', which is not loaded"));
            }
        }
        return result;
    }

    private static SigmaRule Graft(SigmaRule rule, List<SigmaFilter> filters)
    {
        var identifiers = new List<KeyValuePair<string, DetectionNode>>(rule.Detection.SearchIdentifiers);
        var taken = new HashSet<string>(identifiers.Select(p => p.Key), StringComparer.Ordinal);
        var exclusions = new List<ConditionNode>();
        foreach (var filter in filters)
        {
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, node) in filter.Detection.SearchIdentifiers)
            {
                var unique = $"filter:{filter.Key}:{name}";
                for (var n = 2; !taken.Add(unique); n++)
                    unique = $"filter:{filter.Key}:{name}:{n}";
                renamed[name] = unique;
                identifiers.Add(new(unique, node));
            }
            exclusions.Add(new NotCondition(filter.Detection.Condition.Rename(name => renamed[name])));
        }
        var condition = new AndCondition([rule.Detection.Condition, .. exclusions]);
        var texts = rule.Detection.ConditionTexts;
        var detection = new SigmaDetection(identifiers, condition, texts);
        return rule.With(detection, [.. rule.AppliedFilters, .. filters.Select(f => f.Key)]);
    }
}
