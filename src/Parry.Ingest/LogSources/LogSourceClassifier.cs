using Parry.Core.Actors;
using Parry.Core.Events;

namespace Parry.Ingest.LogSources;

/// <summary>
/// Decides which mapping entries hold for an event, fast: entries are indexed by one equality condition each
/// (the one whose values the fewest entries share), so an event costs a few dictionary probes plus a
/// check of the few candidates. Each distinct set of entries is made once into a caller-defined selection (the rules
/// to run, say) and cached, so events of the same shape share it.
/// </summary>
/// <remarks>Immutable apart from the cache, which is copy-on-write (lock-free reads) and capped: past
/// <see cref="MaxCachedSets"/> distinct sets, selections are made per event instead of growing memory.</remarks>
public sealed class LogSourceClassifier<TSelection> where TSelection : class
{
    public const int MaxCachedSets = 4096;
    private const int KindField = -2;

    private readonly LogSourceMap _map;
    private readonly Condition[][] _conditions;
    private readonly Dispatch[] _dispatch;
    // Field id → index into _dispatch (-1: not a dispatch field), so an event's keys are walked once.
    private readonly int[] _dispatchByField;
    private readonly Dispatch? _kindDispatch;
    private readonly int[] _undispatched;
    private readonly (ActorKind Kind, int Field)[][] _actorFields;
    private readonly Func<EntrySet, TSelection> _create;
    private readonly Lock _cacheLock = new();
    private SelectionCache _cache = new(new Dictionary<int[], TSelection>(EntryIndicesComparer.Instance));
    // The last event kind seen and its folded text: decoders give every event of a file the same kind string.
    private FoldedKind? _lastKind;
    // Field id → whether some entry's condition reads it: what, besides the kind and the keys, decides an event's set.
    private readonly bool[] _isConditionField;
    private readonly ThreadLocal<RecentClassifications<TSelection>> _recent = new(() => new RecentClassifications<TSelection>());

    // Candidates: the entries dispatched on this kind (null: none).
    private sealed record FoldedKind(string Kind, string Folded, int[]? Candidates);

    private readonly record struct Condition(int Field, string[] FoldedValues);

    // The cached selections with their span lookup, made once per copy instead of once per event.
    private sealed class SelectionCache(Dictionary<int[], TSelection> byIndices)
    {
        public Dictionary<int[], TSelection> ByIndices { get; } = byIndices;

        public Dictionary<int[], TSelection>.AlternateLookup<ReadOnlySpan<int>> Lookup { get; } =
            byIndices.GetAlternateLookup<ReadOnlySpan<int>>();
    }

    private sealed record Dispatch(int Field, Dictionary<string, int[]> ByValue)
    {
        public Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
            ByValue.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <param name="map">The mapping.</param>
    /// <param name="fields">Receives the field names conditions and actors read; freeze it after all consumers
    /// registered theirs, and key events with the result.</param>
    /// <param name="create">Makes the selection for a set of entries; called once per distinct set (may be called
    /// concurrently for the same set; one result wins).</param>
    public LogSourceClassifier(LogSourceMap map, FieldTableBuilder fields, Func<EntrySet, TSelection> create)
    {
        _map = map;
        _create = create;
        var count = map.Entries.Count;
        _conditions = new Condition[count][];
        _actorFields = new (ActorKind, int)[count][];
        var dispatch = new Dictionary<int, Dictionary<string, List<int>>>();
        var undispatched = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var entry = map.Entries[i];
            _conditions[i] = [.. entry.When.Select(c => new Condition(
                c.IsKind ? KindField : fields.Intern(c.Field),
                [.. c.Values.Select(v => v.ToLowerInvariant())]))];
            _actorFields[i] = [.. entry.Actors.Select(a => (a.Kind, fields.Intern(a.Field)))];
        }
        var sharing = EntriesSharing(_conditions);
        for (var i = 0; i < count; i++)
        {
            if (DispatchKey(_conditions[i], sharing) is not { } k)
            {
                undispatched.Add(i);
                continue;
            }
            if (!dispatch.TryGetValue(k.Field, out var byValue))
                dispatch[k.Field] = byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var value in k.FoldedValues.Distinct())
            {
                if (!byValue.TryGetValue(value, out var list))
                    byValue[value] = list = [];
                list.Add(i);
            }
        }
        _dispatch = [.. dispatch.Select(d => new Dispatch(d.Key,
            d.Value.ToDictionary(v => v.Key, v => v.Value.ToArray(), StringComparer.Ordinal)))];
        _undispatched = [.. undispatched];
        _kindDispatch = _dispatch.FirstOrDefault(d => d.Field == KindField);
        _isConditionField = new bool[_conditions.SelectMany(c => c).Select(c => c.Field + 1).Append(0).Max()];
        foreach (var condition in _conditions.SelectMany(c => c))
        {
            if (condition.Field >= 0)
                _isConditionField[condition.Field] = true;
        }
        _dispatchByField = new int[_dispatch.Select(d => d.Field + 1).Append(0).Max()];
        Array.Fill(_dispatchByField, -1);
        for (var d = 0; d < _dispatch.Length; d++)
        {
            if (_dispatch[d].Field >= 0)
                _dispatchByField[_dispatch[d].Field] = d;
        }
    }

    public LogSourceMap Map => _map;

    // How many entries test each field for each folded value: a value many entries test (the Sysmon channel,
    // tested by ~30 entries) makes a poor dispatch key, since every event with it checks them all. (Keyed by field,
    // then value: dictionaries of reference-typed keys are precompiled, a tuple-keyed one is jitted at start-up.)
    private static Dictionary<int, Dictionary<string, int>> EntriesSharing(Condition[][] conditions)
    {
        var sharing = new Dictionary<int, Dictionary<string, int>>();
        foreach (var entry in conditions)
        {
            foreach (var condition in entry)
            {
                if (!sharing.TryGetValue(condition.Field, out var byValue))
                    sharing[condition.Field] = byValue = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var value in condition.FoldedValues.Distinct())
                    byValue[value] = byValue.GetValueOrDefault(value) + 1;
            }
        }
        return sharing;
    }

    // The condition an entry is dispatched on: the one with values whose values the fewest entries share, the event
    // kind first among equals. Any of an entry's conditions would do — an entry holds only where all of them hold,
    // so an event it holds for always reaches it through any one — the choice changes how many are checked, never
    // which hold.
    private static Condition? DispatchKey(Condition[] conditions, Dictionary<int, Dictionary<string, int>> sharing)
    {
        Condition? best = null;
        var bestCost = int.MaxValue;
        foreach (var kindFirst in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var condition in conditions)
            {
                if ((condition.Field == KindField) != kindFirst || condition.FoldedValues.Length == 0)
                    continue;
                var byValue = sharing[condition.Field];
                var cost = 0;
                foreach (var value in condition.FoldedValues.Distinct())
                    cost += byValue[value];
                if (cost < bestCost)
                {
                    best = condition;
                    bestCost = cost;
                }
            }
        }
        return best;
    }

    /// <summary>The selection for the entries that hold for <paramref name="e"/>.</summary>
    public TSelection Classify(Event e)
    {
        var recent = _recent.Value!;
        if (recent.Find(e, _isConditionField, out var slot) is { } known)
            return known;
        var selection = ClassifyAfresh(e);
        recent.Remember(e, _isConditionField, slot, selection);
        return selection;
    }

    private TSelection ClassifyAfresh(Event e)
    {
        var count = _map.Entries.Count;
        Span<bool> seen = count <= 512 ? stackalloc bool[count] : new bool[count];
        Span<int> matched = count <= 512 ? stackalloc int[count] : new int[count];
        var found = 0;
        var kind = FoldKind(e.SourceKind);

        // Which entries are checked does not depend on the order of the dispatches, only which hold does.
        if (kind.Candidates is { } byKind)
            found = Check(e, kind.Folded, byKind, seen, matched, found);
        Span<bool> done = _dispatch.Length <= 256 ? stackalloc bool[_dispatch.Length] : new bool[_dispatch.Length];
        foreach (var field in e.FieldIds)
        {
            if ((uint)field >= (uint)_dispatchByField.Length || _dispatchByField[field] is var d && (d < 0 || done[d]))
                continue;
            done[d] = true;
            var dispatch = _dispatch[d];
            foreach (var value in e.Values(field))
            {
                if (dispatch.Lookup.TryGetValue(value.FoldedText, out var candidates))
                    found = Check(e, kind.Folded, candidates, seen, matched, found);
            }
        }
        found = Check(e, kind.Folded, _undispatched, seen, matched, found);

        var indices = matched[..found];
        indices.Sort();
        if (Volatile.Read(ref _cache).Lookup.TryGetValue(indices, out var selection))
            return selection;
        return CreateAndCache(indices.ToArray());
    }

    private TSelection CreateAndCache(int[] indices)
    {
        var actorFields = indices.SelectMany(i => _actorFields[i]).Distinct().ToArray();
        var selection = _create(new EntrySet(indices, _map, actorFields));
        lock (_cacheLock)
        {
            var cache = _cache.ByIndices;
            if (cache.TryGetValue(indices, out var existing))
                return existing;
            if (cache.Count >= MaxCachedSets)
                return selection;
            var next = new Dictionary<int[], TSelection>(cache, EntryIndicesComparer.Instance) { [indices] = selection };
            Volatile.Write(ref _cache, new SelectionCache(next));
        }
        return selection;
    }

    private int Check(Event e, string kind, int[] candidates, Span<bool> seen, Span<int> matched, int found)
    {
        foreach (var i in candidates)
        {
            if (seen[i])
                continue;
            seen[i] = true;
            if (Holds(e, kind, _conditions[i]))
                matched[found++] = i;
        }
        return found;
    }

    private static bool Holds(Event e, string kind, Condition[] conditions)
    {
        foreach (var condition in conditions)
        {
            if (condition.Field == KindField)
            {
                if (!Contains(condition.FoldedValues, kind))
                    return false;
                continue;
            }
            if (condition.FoldedValues.Length == 0)
            {
                if (!e.Has(condition.Field))
                    return false;
                continue;
            }
            var any = false;
            foreach (var value in e.Values(condition.Field))
            {
                if (Contains(condition.FoldedValues, value.FoldedText))
                {
                    any = true;
                    break;
                }
            }
            if (!any)
                return false;
        }
        return true;
    }

    private static bool Contains(string[] values, ReadOnlySpan<char> text)
    {
        foreach (var v in values)
        {
            if (text.SequenceEqual(v))
                return true;
        }
        return false;
    }

    private FoldedKind FoldKind(string kind)
    {
        var last = Volatile.Read(ref _lastKind);
        if (last is not null && ReferenceEquals(last.Kind, kind))
            return last;
        var folded = kind.ToLowerInvariant();
        int[]? candidates = null;
        _kindDispatch?.Lookup.TryGetValue(folded, out candidates);
        last = new FoldedKind(kind, folded, candidates);
        Volatile.Write(ref _lastKind, last);
        return last;
    }

    private sealed class EntryIndicesComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly EntryIndicesComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj) => GetHashCode((ReadOnlySpan<int>)obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        // Called for every event with one or two small indices: a multiply-add is enough to spread them, and far
        // cheaper than hashing their bytes.
        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var hash = (uint)alternate.Length;
            foreach (var i in alternate)
                hash = (hash ^ (uint)i) * 0x9E3779B1u;
            return (int)(hash ^ (hash >> 15));
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }
}
