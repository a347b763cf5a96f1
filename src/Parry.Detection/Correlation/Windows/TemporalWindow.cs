namespace Parry.Detection.Correlation.Windows;

using Detection = Parry.Core.Detections.Detection;

/// <summary>temporal: for each correlated rule, its latest detection in the window. The aggregate is how many of
/// the rules are present.</summary>
internal sealed class TemporalWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence)
    : GroupState(correlation, key, groupBy, sequence)
{
    private readonly long[] _times = Filled(correlation.MemberCount);
    private readonly Detection?[] _latest = new Detection?[correlation.MemberCount];
    private long _since = long.MinValue;

    public override int Entries
    {
        get
        {
            var n = 0;
            foreach (var d in _latest)
                n += d is null ? 0 : 1;
            return n;
        }
    }

    public override void Add(in Observation observation)
    {
        if (Correlation.Mode == FiringMode.Eager)
        {
            _since = observation.Ticks - Correlation.SpanTicks;
            for (var m = 0; m < _times.Length; m++)
            {
                if (_latest[m] is not null && _times[m] < _since)
                    Forget(m);
            }
        }
        _times[observation.Member] = observation.Ticks;
        _latest[observation.Member] = observation.Detection;
    }

    public override bool TryFire(out Firing firing)
    {
        var present = Present();
        if (Correlation.Holds(present))
        {
            firing = new Firing(Last!, present, Contributing());
            return true;
        }
        firing = default;
        return false;
    }

    public override void Close(List<Firing> firings)
    {
        var present = Present();
        if (present > 0 && Correlation.Holds(present))
            firings.Add(new Firing(Last!, present, Contributing()));
    }

    public override void Reset()
    {
        for (var m = 0; m < _times.Length; m++)
            Forget(m);
    }

    public override void DropOldest()
    {
        var oldest = -1;
        for (var m = 0; m < _times.Length; m++)
        {
            if (_latest[m] is not null && (oldest < 0 || _times[m] < _times[oldest]))
                oldest = m;
        }
        if (oldest >= 0)
            Forget(oldest);
    }

    private int Present() => Entries;

    private Detection[] Contributing()
    {
        var order = new List<(long Ticks, int Member)>(_times.Length);
        for (var m = 0; m < _times.Length; m++)
        {
            if (_latest[m] is not null)
                order.Add((_times[m], m));
        }
        order.Sort();
        return [.. order.Select(o => _latest[o.Member]!)];
    }

    private void Forget(int member)
    {
        _times[member] = long.MinValue;
        _latest[member] = null;
    }

    private static long[] Filled(int n)
    {
        var times = new long[n];
        Array.Fill(times, long.MinValue);
        return times;
    }
}
