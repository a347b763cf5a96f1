namespace Parry.Detection.Correlation.Windows;

/// <summary>value_sum, eager (lower bounds): the amounts of the sliding window with their times, and running sums
/// per field; amounts leave the sums as they leave the window.</summary>
internal sealed class SumWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence, int maxRelated)
    : GroupState(correlation, key, groupBy, sequence)
{
    private readonly Ring<long> _times = new();
    private readonly Ring<double> _amounts = new(correlation.ValueFieldCount * 4);
    private readonly double[] _sums = new double[correlation.ValueFieldCount];
    private readonly RelatedRing _related = new(maxRelated);

    public override int Entries => _times.Count + _related.Count;

    public override void Add(in Observation observation)
    {
        var since = observation.Ticks - Correlation.SpanTicks;
        while (_times.Count > 0 && _times.Front < since)
            DropOldest();
        _related.Expire(since);
        _times.PushBack(observation.Ticks);
        for (var f = 0; f < _sums.Length; f++)
        {
            var amount = double.IsNaN(observation.Numbers[f]) ? 0 : observation.Numbers[f];
            _amounts.PushBack(amount);
            _sums[f] += amount;
        }
        _related.Add(observation.Ticks, observation.Detection);
    }

    public override bool TryFire(out Firing firing)
    {
        foreach (var sum in _sums)
        {
            if (!Correlation.Holds(sum))
            {
                firing = default;
                return false;
            }
        }
        firing = new Firing(Last!, _sums[0], _related.ToArray());
        return true;
    }

    public override void Close(List<Firing> firings) => throw new InvalidOperationException("value_sum with lower bounds is judged at each observation");

    public override void Reset()
    {
        _times.Clear();
        _amounts.Clear();
        Array.Clear(_sums);
        _related.Clear();
    }

    public override void DropOldest()
    {
        if (_times.Count == 0)
        {
            _related.DropOldest();
            return;
        }
        _times.PopFront();
        for (var f = 0; f < _sums.Length; f++)
            _sums[f] -= _amounts.PopFront();
        if (_times.Count == 0)
            Array.Clear(_sums); // no drift left behind by rounding
    }
}
