namespace Parry.Detection.Correlation.Windows;

/// <summary>value_sum and value_avg judged at close: per field, the sum and how many events had a number.</summary>
internal sealed class MeanWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence, int maxRelated)
    : GroupState(correlation, key, groupBy, sequence)
{
    private readonly double[] _sums = new double[correlation.ValueFieldCount];
    private readonly long[] _counts = new long[correlation.ValueFieldCount];
    private readonly RelatedRing _related = new(maxRelated);

    public override int Entries => _related.Count;

    public override void Add(in Observation observation)
    {
        for (var f = 0; f < _sums.Length; f++)
        {
            if (double.IsNaN(observation.Numbers[f]))
                continue;
            _sums[f] += observation.Numbers[f];
            _counts[f]++;
        }
        _related.Add(observation.Ticks, observation.Detection);
    }

    public override bool TryFire(out Firing firing) => throw new InvalidOperationException("judged at close");

    public override void Close(List<Firing> firings)
    {
        var first = 0.0;
        for (var f = 0; f < _sums.Length; f++)
        {
            if (_counts[f] == 0)
                return; // no number at all: nothing to judge
            var aggregate = Correlation.Type == Sigma.Correlations.CorrelationType.ValueAvg ? _sums[f] / _counts[f] : _sums[f];
            if (!Correlation.Holds(aggregate))
                return;
            if (f == 0)
                first = aggregate;
        }
        firings.Add(new Firing(Last!, first, _related.ToArray()));
    }

    public override void Reset()
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        _related.Clear();
    }

    public override void DropOldest() => _related.DropOldest();
}
