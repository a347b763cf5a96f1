namespace Parry.Detection.Correlation.Windows;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// temporal_ordered: chains of detections of the correlated rules in the order listed. For each rule j and chain
/// length L it keeps the chain of L rules ending with rule j's latest detection that started latest (so it stays in
/// the window longest). A detection of rule j extends the best chain of length L-1 ending with any rule before j.
/// The aggregate is the longest chain in the window.
/// </summary>
internal sealed class SequenceWindow(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long sequence)
    : GroupState(correlation, key, groupBy, sequence)
{
    /// <summary>One link of a chain; links are shared between chains, never changed.</summary>
    private sealed record Link(Detection Detection, long Start, int Length, Link? Previous);

    private readonly int _n = correlation.MemberCount;
    private readonly Link?[] _chains = new Link?[correlation.MemberCount * correlation.MemberCount];
    private int _entries;
    private long _since = long.MinValue;

    public override int Entries => _entries;

    public override void Add(in Observation observation)
    {
        if (Correlation.Mode == FiringMode.Eager)
        {
            _since = observation.Ticks - Correlation.SpanTicks;
            Expire();
        }
        var j = observation.Member;
        // Longest first, so this detection does not extend a chain it just made.
        for (var length = _n; length >= 2; length--)
        {
            Link? best = null;
            for (var i = 0; i < j; i++)
            {
                var candidate = _chains[Slot(i, length - 1)];
                if (candidate is not null && candidate.Start >= _since && (best is null || candidate.Start > best.Start))
                    best = candidate;
            }
            if (best is not null)
                Set(j, length, new Link(observation.Detection, best.Start, length, best));
        }
        Set(j, 1, new Link(observation.Detection, observation.Ticks, 1, null));
    }

    public override bool TryFire(out Firing firing)
    {
        var best = Longest();
        if (best is not null && Correlation.Holds(best.Length))
        {
            firing = new Firing(Last!, best.Length, Chain(best));
            return true;
        }
        firing = default;
        return false;
    }

    public override void Close(List<Firing> firings)
    {
        var best = Longest();
        if (best is not null && Correlation.Holds(best.Length))
            firings.Add(new Firing(Last!, best.Length, Chain(best)));
    }

    public override void Reset()
    {
        Array.Clear(_chains);
        _entries = 0;
    }

    public override void DropOldest()
    {
        var oldest = -1;
        for (var s = 0; s < _chains.Length; s++)
        {
            if (_chains[s] is { } link && (oldest < 0 || link.Start < _chains[oldest]!.Start))
                oldest = s;
        }
        if (oldest >= 0)
        {
            _chains[oldest] = null;
            _entries--;
        }
    }

    private void Expire()
    {
        for (var s = 0; s < _chains.Length; s++)
        {
            if (_chains[s] is { } link && link.Start < _since)
            {
                _chains[s] = null;
                _entries--;
            }
        }
    }

    // The longest chain in the window; among equals, the one that started latest.
    private Link? Longest()
    {
        Link? best = null;
        foreach (var link in _chains)
        {
            if (link is not null && link.Start >= _since
                && (best is null || link.Length > best.Length || (link.Length == best.Length && link.Start > best.Start)))
                best = link;
        }
        return best;
    }

    private void Set(int member, int length, Link link)
    {
        ref var slot = ref _chains[Slot(member, length)];
        if (slot is null)
            _entries++;
        else if (slot.Start > link.Start)
            return; // the chain already there started later
        slot = link;
    }

    private int Slot(int member, int length) => member * _n + (length - 1);

    private static Detection[] Chain(Link last)
    {
        var chain = new Detection[last.Length];
        for (Link? link = last; link is not null; link = link.Previous)
            chain[link.Length - 1] = link.Detection;
        return chain;
    }
}
