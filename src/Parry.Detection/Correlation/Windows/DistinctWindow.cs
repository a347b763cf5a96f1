namespace Parry.Detection.Correlation.Windows;

/// <summary>value_count: the distinct values (or combinations of values) of the window. Eager, each value keeps the
/// time it was last seen, oldest first, so values leave the sliding window exactly; judged at close, the set.</summary>
internal sealed class DistinctWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence, int maxRelated)
    : GroupState(correlation, key, groupBy, sequence)
{
    private readonly Dictionary<string, LinkedListNode<(string Value, long Ticks)>> _values = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Value, long Ticks)> _byLastSeen = new();
    private readonly RelatedRing _related = new(maxRelated);

    public override int Entries => _values.Count + _related.Count;

    public override void Add(in Observation observation)
    {
        if (Correlation.Mode == FiringMode.Eager)
        {
            var since = observation.Ticks - Correlation.SpanTicks;
            while (_byLastSeen.First is { } oldest && oldest.Value.Ticks < since)
            {
                _values.Remove(oldest.Value.Value);
                _byLastSeen.RemoveFirst();
            }
            _related.Expire(since);
        }
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(observation.ValueKey, out var node))
        {
            _byLastSeen.Remove(node);
            node.Value = (node.Value.Value, observation.Ticks);
            _byLastSeen.AddLast(node);
        }
        else
        {
            var value = observation.ValueKey.ToString();
            _values.Add(value, _byLastSeen.AddLast((value, observation.Ticks)));
        }
        _related.Add(observation.Ticks, observation.Detection);
    }

    public override bool TryFire(out Firing firing)
    {
        if (Correlation.Holds(_values.Count))
        {
            firing = new Firing(Last!, _values.Count, _related.ToArray());
            return true;
        }
        firing = default;
        return false;
    }

    public override void Close(List<Firing> firings)
    {
        if (_values.Count > 0 && Correlation.Holds(_values.Count))
            firings.Add(new Firing(Last!, _values.Count, _related.ToArray()));
    }

    public override void Reset()
    {
        _values.Clear();
        _byLastSeen.Clear();
        _related.Clear();
    }

    public override void DropOldest()
    {
        if (_byLastSeen.First is { } oldest)
        {
            _values.Remove(oldest.Value.Value);
            _byLastSeen.RemoveFirst();
        }
        else
        {
            _related.DropOldest();
        }
    }
}
