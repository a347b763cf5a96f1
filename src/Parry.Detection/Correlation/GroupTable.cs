namespace Parry.Detection.Correlation;

/// <summary>
/// The groups of one run: found by correlation and key without allocating, kept on one recency list (newest first)
/// for eviction under the caps, and on one timer queue for when their windows close or empty. A group has one entry
/// on the timer queue; an eager group's entry is moved on lazily, when it comes due while the group was touched
/// since. Entries of groups already gone are skipped, and the queue is rebuilt when they pile up, so it stays
/// within a quarter above the group count. Removed groups let go of their contents at once.
/// </summary>
internal sealed class GroupTable
{
    private const int VictimSample = 8;
    private readonly Dictionary<string, GroupState>[] _groups;
    private readonly CorrelationOptions _options;
    private readonly CorrelationCounters _counters;
    private PriorityQueue<GroupState, (long Due, long Sequence)> _timers = new();
    private GroupState? _newest;
    private GroupState? _oldest;
    private long _sequence;

    public GroupTable(int correlations, CorrelationOptions options, CorrelationCounters counters)
    {
        _groups = new Dictionary<string, GroupState>[correlations];
        for (var i = 0; i < correlations; i++)
            _groups[i] = new Dictionary<string, GroupState>(StringComparer.Ordinal);
        _options = options;
        _counters = counters;
    }

    public int TimerCount => _timers.Count;

    public GroupState? Find(CompiledCorrelation correlation, ReadOnlySpan<char> key) =>
        _groups[correlation.Index].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var group) ? group : null;

    /// <summary>A new group, first observed at <paramref name="ticks"/>; makes room under the group cap first.</summary>
    public GroupState Create(CompiledCorrelation correlation, string key, KeyValuePair<string, string>[] groupBy, long ticks)
    {
        while (_counters.Groups >= _options.MaxGroups && _oldest is not null)
            Evict(Victim(null)!);
        var group = correlation.CreateGroup(key, groupBy, _sequence++, _options.MaxRelated);
        group.FirstTicks = ticks;
        group.LastTicks = ticks;
        _groups[correlation.Index].Add(key, group);
        Link(group);
        _timers.Enqueue(group, (group.Due, group.Sequence));
        _counters.Groups++;
        _counters.PeakGroups = Math.Max(_counters.PeakGroups, _counters.Groups);
        if (_timers.Count > _counters.Groups + _counters.Groups / 4 + 1024)
            RebuildTimers();
        return group;
    }

    public void Touch(GroupState group, long ticks)
    {
        group.LastTicks = ticks;
        if (_newest == group)
            return;
        Unlink(group);
        Link(group);
    }

    /// <summary>Takes a group whose due time is before <paramref name="before"/>: its window closed (judged at
    /// close) or all its entries left the window (eager). Equal due times come out in creation order.</summary>
    public bool TryTakeDue(long before, out GroupState group)
    {
        while (_timers.TryPeek(out group!, out var at) && at.Due < before)
        {
            _timers.Dequeue();
            if (!group.Alive)
                continue;
            if (group.Due != at.Due)
            {
                _timers.Enqueue(group, (group.Due, group.Sequence)); // touched since: due later
                continue;
            }
            return true;
        }
        group = null!;
        return false;
    }

    /// <summary>Removes a group whose window is over (nothing is lost).</summary>
    public void Remove(GroupState group)
    {
        _groups[group.Correlation.Index].Remove(group.Key);
        Unlink(group);
        group.Alive = false;
        _counters.Groups--;
        _counters.BufferedEntries -= group.Entries;
        // A stale timer entry may point here until it comes due or the queue is rebuilt: keep nothing alive.
        group.Reset();
        group.Last = null;
    }

    /// <summary>Evicts groups while the entry cap is exceeded, sparing <paramref name="keep"/> while others remain.</summary>
    public void EnforceEntryCap(GroupState keep)
    {
        while (_counters.BufferedEntries > _options.MaxBufferedEntries)
        {
            var victim = Victim(keep);
            if (victim is null)
            {
                // Only the group being updated is left: it gives up its oldest entries.
                var before = keep.Entries;
                keep.DropOldest();
                var dropped = before - keep.Entries;
                if (dropped == 0)
                    return;
                _counters.BufferedEntries -= dropped;
                _counters.EvictedEntries += dropped;
                continue;
            }
            Evict(victim);
        }
    }

    private void Evict(GroupState group)
    {
        _counters.EvictedGroups++;
        _counters.EvictedEntries += group.Entries;
        Remove(group);
    }

    // Among the least recently active groups, the one with the least progress (fewest entries), so a spray of
    // fresh keys pushes out its own one-entry groups before a group that is building up to a detection.
    private GroupState? Victim(GroupState? keep)
    {
        GroupState? best = null;
        var seen = 0;
        for (var g = _oldest; g is not null && seen < VictimSample; g = g.Newer)
        {
            if (g == keep)
                continue;
            seen++;
            if (best is null || g.Entries < best.Entries)
                best = g;
        }
        return best;
    }

    private void Link(GroupState group)
    {
        group.Older = _newest;
        group.Newer = null;
        if (_newest is not null)
            _newest.Newer = group;
        _newest = group;
        _oldest ??= group;
    }

    private void Unlink(GroupState group)
    {
        if (group.Older is not null)
            group.Older.Newer = group.Newer;
        else if (_oldest == group)
            _oldest = group.Newer;
        if (group.Newer is not null)
            group.Newer.Older = group.Older;
        else if (_newest == group)
            _newest = group.Older;
        group.Older = null;
        group.Newer = null;
    }

    private void RebuildTimers()
    {
        var alive = new List<(GroupState, (long, long))>(_counters.Groups);
        for (var g = _oldest; g is not null; g = g.Newer)
            alive.Add((g, (g.Due, g.Sequence)));
        _timers = new PriorityQueue<GroupState, (long, long)>(alive); // heapified in linear time
    }
}
