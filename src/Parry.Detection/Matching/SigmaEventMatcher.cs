using Parry.Core.Events;
using Parry.Detection.Behaviour;
using Parry.Ingest.LogSources;
using Parry.Sigma.Compilation;
using Parry.Sigma.Rules;

namespace Parry.Detection.Matching;

/// <summary>
/// Sigma rules compiled once and indexed by log source: each rule is compiled for every distinct field mapping of
/// the mapping entries that serve its <c>logsource</c>; an event is classified into the entries that hold for it,
/// and only the rules those entries serve run on it — a process_creation rule never sees a file event just because
/// field names coincide. Per distinct set of entries, the rules form one <see cref="CompiledRuleGroup"/> (built on
/// first use and cached by the classifier).
/// </summary>
public sealed class SigmaEventMatcher : IEventMatcher
{
    private readonly LogSourceClassifier<RuleSelection> _classifier;
    private readonly List<ServedRule>[] _servedByEntry;
    private readonly Func<EntrySet, ActivityExtractor> _activity;

    [ThreadStatic]
    private static List<CompiledRule>? t_hits;

    private sealed record ServedRule(int RuleIndex, CompiledRule Compiled, int Specificity);

    private sealed record RuleSelection(EntrySet Entries, CompiledRuleGroup? Group, ActivityExtractor Activity);

    public SigmaEventMatcher(IReadOnlyList<SigmaRule> rules, LogSourceMap map, FieldTableBuilder? fields = null)
    {
        var builder = fields ?? new FieldTableBuilder();
        _servedByEntry = [.. map.Entries.Select(_ => new List<ServedRule>())];
        var unmapped = new List<SigmaRule>();
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var key = LogSourceKey.Of(rule.LogSource.Product, rule.LogSource.Category, rule.LogSource.Service);
            var serving = map.EntriesServing(key);
            if (serving.Count == 0)
            {
                unmapped.Add(rule);
                continue;
            }
            // Entries whose mapping touches none of the rule's fields share one compilation.
            var compiledByMapping = new Dictionary<string, CompiledRule>(StringComparer.Ordinal);
            foreach (var entryIndex in serving)
            {
                var entry = map.Entries[entryIndex];
                var mapping = new EntryFieldMapping(entry);
                var signature = mapping.Signature(rule.FieldNames);
                if (!compiledByMapping.TryGetValue(signature, out var compiled))
                    compiledByMapping[signature] = compiled = SigmaCompiler.Compile(rule, mapping, builder);
                _servedByEntry[entryIndex].Add(new ServedRule(r, compiled, entry.LogSource.Specificity));
            }
        }
        UnmappedRules = unmapped;
        _activity = ActivityExtractor.Prepare(map, builder);
        _classifier = new LogSourceClassifier<RuleSelection>(map, builder, CreateSelection);
        Fields = builder.Build();
    }

    public FieldTable Fields { get; }

    /// <summary>Rules whose logsource no mapping entry serves: loaded, but no event of a known source reaches
    /// them.</summary>
    public IReadOnlyList<SigmaRule> UnmappedRules { get; }

    public Activity? Match(Event e, List<Core.Detections.Detection> hits)
    {
        var selection = _classifier.Classify(e);
        if (e.Actors.Count == 0)
            e.Actors = selection.Entries.ActorsOf(e);
        var before = hits.Count;
        if (selection.Group is not null)
        {
            var compiledHits = t_hits ??= [];
            compiledHits.Clear();
            selection.Group.Match(e, compiledHits);
            foreach (var rule in compiledHits)
                hits.Add(new Core.Detections.Detection(rule.Info, e, e.PrimaryActor));
        }
        return e.PrimaryActor is null ? null : selection.Activity.Extract(e, keepTarget: hits.Count > before);
    }

    private RuleSelection CreateSelection(EntrySet entries)
    {
        // One compiled form per rule: the one from the most specific entry (its field mapping applies).
        var chosen = new Dictionary<int, ServedRule>();
        foreach (var entryIndex in entries.Indices)
        {
            foreach (var served in _servedByEntry[entryIndex])
            {
                if (!chosen.TryGetValue(served.RuleIndex, out var current) || served.Specificity > current.Specificity)
                    chosen[served.RuleIndex] = served;
            }
        }
        var activity = _activity(entries);
        if (chosen.Count == 0)
            return new RuleSelection(entries, null, activity);
        var ordered = chosen.Values.OrderBy(s => s.RuleIndex).Select(s => s.Compiled);
        return new RuleSelection(entries, CompiledRuleGroup.Create(ordered), activity);
    }
}
