namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Literal indexes already built, by their exact content, so groups that index the same literals for the same rule
/// slots share one. The same rules compiled under two field mappings (Sysmon process creation and Security 4688)
/// give field indexes that differ only in the field they serve: without sharing, the hunt kept two copies of every
/// large automaton (13.6 MB each for the keyword-carrying dense tables). Thread-safe: groups are built on first use,
/// from whichever thread meets their log source first.
/// </summary>
public sealed class LiteralIndexCache
{
    private readonly Dictionary<LiteralIndexContent, FieldLiteralIndex> _built = [];
    private readonly Lock _lock = new();

    internal FieldLiteralIndex GetOrBuild(LiteralIndexContent content, Func<FieldLiteralIndex> build)
    {
        lock (_lock)
        {
            if (_built.TryGetValue(content, out var shared))
                return shared;
        }
        // Built outside the lock (a large automaton takes a while); if two threads race, the first stored wins.
        var index = build();
        lock (_lock)
        {
            if (_built.TryGetValue(content, out var shared))
                return shared;
            _built[content] = index;
            return index;
        }
    }
}
