using Parry.Core.Events;
using Parry.Detection.Behaviour;
using Parry.Ingest.LogSources;
using Parry.Sigma.Matching;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Rules;

namespace Parry.Detection.Matching;

/// <summary>
/// Sigma rules compiled once and indexed by log source: each rule is compiled for every distinct field mapping of
/// the mapping entries that serve its <c>logsource</c>; an event is classified into the entries that hold for it,
/// and only the rules those entries serve run on it — a process_creation rule never sees a file event just because
/// field names coincide. The rules an entry serves form one <see cref="CompiledRuleGroup"/>, built the first time an
/// event of that entry is seen and shared by every event shape the entry holds for (a group's literal automata are
/// large; one per entry keeps memory and build time proportional to the rules, not to the variety of events). A rule
/// served by several entries that hold for one event fires once.
/// </summary>
public sealed class SigmaEventMatcher : IEventMatcher
{
    private readonly LogSourceClassifier<RuleSelection> _classifier;
    private readonly EntryGroup?[] _groups;
    private readonly int[] _specificity;
    private readonly Func<EntrySet, ActivityExtractor> _activity;

    [ThreadStatic]
    private static List<CompiledRule>? t_hits;

    private sealed record RuleSelection(EntrySet Entries, EntryGroup[] Groups, ActivityExtractor Activity);

    /// <summary>The rules one entry serves, grouped on first use.</summary>
    private sealed class EntryGroup(IReadOnlyList<CompiledRule> rules, LiteralIndexCache shared)
    {
        private CompiledRuleGroup? _group;

        public CompiledRuleGroup Group => LazyInitializer.EnsureInitialized(ref _group, () => CompiledRuleGroup.Create(rules, shared));
    }

    public SigmaEventMatcher(IReadOnlyList<SigmaRule> rules, LogSourceMap map, FieldTableBuilder? fields = null)
    {
        var builder = fields ?? new FieldTableBuilder();
        var servedByEntry = map.Entries.Select(_ => new List<CompiledRule>()).ToArray();
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
                servedByEntry[entryIndex].Add(compiled);
            }
        }
        UnmappedRules = unmapped;
        // Entries that serve the same rules under another field mapping (Sysmon and Security process creation) build
        // equal literal indexes for their fields: one copy serves both.
        var literalIndexes = new LiteralIndexCache();
        _groups = [.. servedByEntry.Select(served => served.Count == 0 ? null : new EntryGroup(served, literalIndexes))];
        _specificity = [.. map.Entries.Select(e => e.LogSource.Specificity)];
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
        if (selection.Groups.Length > 0)
        {
            var compiledHits = t_hits ??= [];
            compiledHits.Clear();
            foreach (var group in selection.Groups)
                group.Group.Match(e, compiledHits);
            for (var i = 0; i < compiledHits.Count; i++)
            {
                var rule = compiledHits[i].Rule;
                if (!FiredEarlier(compiledHits, i, rule))
                    hits.Add(new Core.Detections.Detection(compiledHits[i].Info, e, e.PrimaryActor));
            }
        }
        return e.PrimaryActor is null ? null : selection.Activity.Extract(e, keepTarget: hits.Count > before);
    }

    // A rule that two entries of the event serve (a product-wide rule) is reported once.
    private static bool FiredEarlier(List<CompiledRule> hits, int index, SigmaRule rule)
    {
        for (var j = 0; j < index; j++)
        {
            if (ReferenceEquals(hits[j].Rule, rule))
                return true;
        }
        return false;
    }

    // The most specific entries first, so a rule served by several fires with the field mapping of the most
    // specific one.
    private RuleSelection CreateSelection(EntrySet entries) => new(
        entries,
        [.. entries.Indices.OrderByDescending(i => _specificity[i]).Select(i => _groups[i]).OfType<EntryGroup>()],
        _activity(entries));
}
