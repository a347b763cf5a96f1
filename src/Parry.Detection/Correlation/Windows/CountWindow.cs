namespace Parry.Detection.Correlation.Windows;

/// <summary>event_count: the events of the window. Eager, it keeps their times to slide the window exactly (never
/// more than the count the condition needs); judged at close, only the count.</summary>
internal sealed class CountWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence, int maxRelated)
    : GroupState(correlation, key, groupBy, sequence)
{
    private readonly Ring<long> _times = new(Math.Min(4, correlation.EntriesNeeded));
    private readonly RelatedRing _related = new(maxRelated);
    private long _count;

    public override int Entries => _times.Count + _related.Count;

    public override void Add(in Observation observation)
    {
        if (Correlation.Mode == FiringMode.Eager)
        {
            var since = observation.Ticks - Correlation.SpanTicks;
            while (_times.Count > 0 && _times.Front < since)
                _times.PopFront();
            _related.Expire(since);
            // Once this many are in the window the condition holds; older ones cannot matter.
            if (_times.Count == Correlation.EntriesNeeded)
                _times.PopFront();
            _times.PushBack(observation.Ticks);
            _count = _times.Count;
        }
        else
        {
            _count++;
        }
        _related.Add(observation.Ticks, observation.Detection);
    }

    public override bool TryFire(out Firing firing)
    {
        if (Correlation.Holds(_count))
        {
            firing = new Firing(Last!, _count, _related.ToArray());
            return true;
        }
        firing = default;
        return false;
    }

    public override void Close(List<Firing> firings)
    {
        if (_count > 0 && Correlation.Holds(_count))
            firings.Add(new Firing(Last!, _count, _related.ToArray()));
    }

    public override void Reset()
    {
        _times.Clear();
        _related.Clear();
        _count = 0;
    }

    public override void DropOldest()
    {
        if (_times.Count > 0)
        {
            _times.PopFront();
            if (Correlation.Mode == FiringMode.Eager)
                _count = _times.Count;
        }
        else
        {
            _related.DropOldest();
        }
    }
}
