using Parry.Ingest.LogSources;
using Parry.Sigma.Rules;

namespace Parry.Detection.Correlation;

/// <summary>Field names as the log-source map translates them for the rule's <c>logsource</c>: every mapped name
/// of every entry serving it (the name itself when no entry maps it), so the correlation reads the same field the
/// rule matched on.</summary>
public sealed class LogSourceFieldMapping(LogSourceMap map) : ICorrelationFieldMapping
{
    public IReadOnlyList<string> Map(SigmaRule rule, string field)
    {
        var key = LogSourceKey.Of(rule.LogSource.Product, rule.LogSource.Category, rule.LogSource.Service);
        var names = new List<string>();
        foreach (var entry in map.EntriesServing(key))
        {
            foreach (var name in map.Entries[entry].MapField(field))
            {
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    names.Add(name);
            }
        }
        if (names.Count == 0)
            names.Add(field);
        return names;
    }
}
