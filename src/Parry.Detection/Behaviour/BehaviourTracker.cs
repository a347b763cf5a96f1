using Parry.Core.Actors;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Per-actor tempo, breadth and adapt-loop analytics over a stream of activities in event-time order, with memory
/// capped: at most <see cref="BehaviourOptions.MaxActors"/> actors, the least recently active one without findings
/// evicted to make room (counted in <see cref="Evictions"/>). One consumer thread; not thread-safe.
/// </summary>
internal sealed class BehaviourTracker(BehaviourOptions options)
{
    private const int EvictionSample = 16;
    // Open-addressing index from actor key to slot (slot + 1; 0: empty), linear probing, at most half full: 4 bytes
    // per entry where a Dictionary<ulong, int> costs ~28 and grows by primes (~40 B per actor at a million). The key
    // itself lives in the slot's state.
    private int[] _index = new int[2048];
    private ActorState[] _states = new ActorState[1024];
    private int _count;
    private int _hand;
    private readonly Dictionary<ulong, ActorFindings> _findings = [];
    private readonly int _floorMs = (int)(options.HumanFloorSeconds * 1000);
    private readonly int _followUpMs = (int)(options.FollowUpWindowSeconds * 1000);
    private readonly int _runBreakMs = (int)(options.RunBreakSeconds * 1000);
    private readonly int _adaptMs = (int)(options.AdaptWindowSeconds * 1000);
    private readonly int _windowMs = (int)(options.ParallelWindowSeconds * 1000);

    public int Count => _count;

    public long Evictions { get; private set; }

    /// <summary>Actors whose detections could not be grouped because the findings cap was reached.</summary>
    public long FindingsDropped { get; private set; }

    public IReadOnlyCollection<ActorFindings> Findings => _findings.Values;

    public void Observe(in Activity activity)
    {
        ref var state = ref SlotFor(activity.ActorKey, activity.Ticks);
        Update(ref state, activity);
    }

    /// <summary>Records the detections an activity raised (after <see cref="Observe"/> for it).</summary>
    public void ObserveDetections(in Activity activity, IReadOnlyList<Core.Detections.Detection> detections, string source, IReadOnlyList<Actor> coActors)
    {
        if (!_findings.TryGetValue(activity.ActorKey, out var findings))
        {
            if (_findings.Count >= options.MaxActorsWithFindings)
            {
                FindingsDropped++;
                return;
            }
            _findings[activity.ActorKey] = findings = new ActorFindings(activity.Actor, activity.ActorKey, options.MaxTargetsPerActor);
        }
        // Indexed, not foreach: an enumerator over the interfaces was allocated twice for every event with findings.
        for (var i = 0; i < detections.Count; i++)
            findings.Add(detections[i], activity, source);
        for (var i = 0; i < coActors.Count; i++)
        {
            var other = coActors[i];
            if (other != activity.Actor)
                findings.CoActors.Add(other);
        }
        if (Find(activity.ActorKey) is var slot and >= 0)
            _states[slot].Detections += detections.Count;
    }

    /// <summary>The tempo state of an actor, if it is still tracked.</summary>
    public bool TryGetState(ulong key, out ActorState state)
    {
        if (Find(key) is var slot and >= 0)
        {
            state = _states[slot];
            return true;
        }
        state = default;
        return false;
    }

    private ref ActorState SlotFor(ulong key, long ticks)
    {
        var slot = Find(key);
        if (slot >= 0)
            return ref _states[slot];
        if (_count < options.MaxActors)
        {
            slot = _count++;
            if (slot == _states.Length)
                Array.Resize(ref _states, (int)Math.Min((long)_states.Length * 2, options.MaxActors));
            if (_count > _index.Length / 2)
                GrowIndex();
        }
        else
        {
            slot = Victim();
            RemoveFromIndex(slot);
            Evictions++;
        }
        _states[slot] = new ActorState { Key = key, FirstTicks = ticks, LastFailureMs = int.MinValue / 2 };
        AddToIndex(key, slot);
        return ref _states[slot];
    }

    private static int Home(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    private int Find(ulong key)
    {
        var mask = _index.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            var entry = _index[i];
            if (entry == 0)
                return -1;
            if (_states[entry - 1].Key == key)
                return entry - 1;
        }
    }

    private void AddToIndex(ulong key, int slot)
    {
        var mask = _index.Length - 1;
        var i = Home(key, mask);
        while (_index[i] != 0)
            i = (i + 1) & mask;
        _index[i] = slot + 1;
    }

    // Deletion without tombstones: entries after the hole move back into it when their home allows.
    private void RemoveFromIndex(int slot)
    {
        var mask = _index.Length - 1;
        var hole = Home(_states[slot].Key, mask);
        while (_index[hole] != slot + 1)
            hole = (hole + 1) & mask;
        _index[hole] = 0;
        for (var j = (hole + 1) & mask; _index[j] != 0; j = (j + 1) & mask)
        {
            var home = Home(_states[_index[j] - 1].Key, mask);
            if (((j - home) & mask) >= ((j - hole) & mask))
            {
                _index[hole] = _index[j];
                _index[j] = 0;
                hole = j;
            }
        }
    }

    private void GrowIndex()
    {
        _index = new int[_index.Length * 2];
        for (var slot = 0; slot < _count - 1; slot++)
            AddToIndex(_states[slot].Key, slot);
    }

    // Approximate LRU: among a few slots after a rotating hand, the least recently active actor that has no
    // detections (an attacker must not be pushed out by a spray of fresh addresses); if all have detections, the
    // least recently active of them.
    private int Victim()
    {
        var best = -1;
        var bestWithFindings = -1;
        for (var i = 0; i < EvictionSample; i++)
        {
            var slot = (_hand + i) % _count;
            ref readonly var s = ref _states[slot];
            if (s.Detections == 0)
            {
                if (best < 0 || s.LastTicks < _states[best].LastTicks)
                    best = slot;
            }
            else if (bestWithFindings < 0 || s.LastTicks < _states[bestWithFindings].LastTicks)
            {
                bestWithFindings = slot;
            }
        }
        _hand = (_hand + EvictionSample) % _count;
        return best >= 0 ? best : bestWithFindings;
    }

    private void Update(ref ActorState s, in Activity a)
    {
        var now = Offset(s, a.Ticks);
        s.Events++;
        if (s.Events == 1)
        {
            s.LastCountedMs = now;
            s.RunStartMs = now;
            s.MinuteStartMs = now;
            s.WindowStartMs = now;
        }
        // Events a little out of order: treated as simultaneous with the latest seen. An undated event happens
        // "now" as far as breadth and failures go, and says nothing about tempo.
        now = a.IsUndated ? s.LastMs : Math.Max(now, s.LastMs);
        s.LastMs = now;

        // A page asset fetched right after the page is the browser's doing, not the actor's.
        var followUp = a.IsFollowUp && now - s.LastCountedMs <= _followUpMs && s.Events > 1;
        if (followUp)
        {
            s.FollowUps++;
        }
        else if (!a.IsUndated)
        {
            if (s.Events > 1)
                AddGap(ref s, now - s.LastCountedMs, now);
            s.LastCountedMs = now;
            Rate(ref s, now);
        }

        if (a.HasTarget)
        {
            s.Targets.Add(a.TargetHash);
            if (now - s.WindowStartMs > _windowMs)
            {
                s.WindowStartMs = now;
                s.WindowTargets.Clear();
            }
            s.WindowTargets.Add(a.TargetHash);
            s.MaxWindowTargets = Math.Max(s.MaxWindowTargets, (int)Math.Round(s.WindowTargets.Estimate()));
        }
        if (a.HasItem && !followUp)
            s.Items.Add(a.ItemHash);

        // Fail, then adapt: another attempt on the same target soon after a failure, trying something different.
        if (!followUp && now - s.LastFailureMs <= _adaptMs && (uint)a.TargetHash == s.LastFailureTarget
            && (!a.HasItem || (uint)a.ItemHash != s.LastFailureItem))
            s.AdaptedRetries++;
        if (a.IsFailure)
        {
            s.Failures++;
            s.LastFailureMs = now;
            s.LastFailureTarget = (uint)a.TargetHash;
            s.LastFailureItem = (uint)a.ItemHash;
        }
    }

    private void AddGap(ref ActorState s, int gapMs, int now)
    {
        s.Gaps++;
        var seconds = gapMs / 1000f;
        s.GapSumSeconds += seconds;
        s.GapSumSquares += seconds * seconds;
        s.Histogram.Add(gapMs);
        if (gapMs < _floorMs)
            s.GapsBelowFloor++;

        // A run at machine tempo goes on through sub-floor gaps and survives an occasional slower step; a pause
        // or three slow steps in a row end it.
        if (gapMs < _floorMs)
        {
            s.RunSlowGaps = 0;
        }
        else if (gapMs > _runBreakMs || ++s.RunSlowGaps >= 3)
        {
            s.RunStartMs = now;
            s.RunSlowGaps = 0;
        }
        if (s.RunSlowGaps == 0 && gapMs < _floorMs)
            s.LongestRunMs = Math.Max(s.LongestRunMs, now - s.RunStartMs);
    }

    private static void Rate(ref ActorState s, int now)
    {
        if (now - s.MinuteStartMs >= 60_000)
        {
            s.MinuteStartMs = now;
            s.MinuteCount = 0;
        }
        s.MinuteCount++;
        s.PeakPerMinute = Math.Max(s.PeakPerMinute, s.MinuteCount);
    }

    private static int Offset(in ActorState s, long ticks)
    {
        var ms = (ticks - s.FirstTicks) / TimeSpan.TicksPerMillisecond;
        return (int)Math.Clamp(ms, 0, int.MaxValue / 2);
    }
}
