namespace Parry.Detection.Correlation.Windows;

using Detection = Parry.Core.Detections.Detection;

/// <summary>value_percentile, judged at close: how often each value (or combination) occurred in the window. A
/// value fires when its share of the window's observations, in percent, meets the condition.</summary>
internal sealed class PercentileWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence)
    : GroupState(correlation, key, groupBy, sequence)
{
    private sealed class Tally(string value)
    {
        public string Value { get; } = value;
        public long Count { get; set; }
        public Detection? Last { get; set; }
    }

    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly List<Tally> _firstSeen = [];
    private long _total;

    public override int Entries => _tallies.Count;

    public override void Add(in Observation observation)
    {
        var lookup = _tallies.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(observation.ValueKey, out var tally))
        {
            tally = new Tally(observation.ValueKey.ToString());
            _tallies.Add(tally.Value, tally);
            _firstSeen.Add(tally);
        }
        tally.Count++;
        tally.Last = observation.Detection;
        _total++;
    }

    public override bool TryFire(out Firing firing) => throw new InvalidOperationException("judged at close");

    public override void Close(List<Firing> firings)
    {
        if (_total == 0)
            return;
        foreach (var tally in _firstSeen)
        {
            var share = 100.0 * tally.Count / _total;
            if (tally.Last is { } last && Correlation.Holds(share))
                firings.Add(new Firing(last, share, [last]));
        }
    }

    public override void Reset()
    {
        _tallies.Clear();
        _firstSeen.Clear();
        _total = 0;
    }

    // The value seen first leaves; its observations leave the total with it.
    public override void DropOldest()
    {
        if (_firstSeen.Count == 0)
            return;
        var oldest = _firstSeen[0];
        _firstSeen.RemoveAt(0);
        _tallies.Remove(oldest.Value);
        _total -= oldest.Count;
    }
}
