namespace Parry.Detection.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>The most recent contributing detections of a group (at most a fixed number), with their times, so a
/// correlation detection can name what made it without the group holding every event of its window.</summary>
internal sealed class RelatedRing(int capacity)
{
    private readonly Ring<(long Ticks, Detection Detection)> _ring = new(Math.Min(capacity, 4));

    public int Count => _ring.Count;

    public void Add(long ticks, Detection detection)
    {
        if (_ring.Count == capacity)
            _ring.PopFront();
        _ring.PushBack((ticks, detection));
    }

    /// <summary>Drops detections older than <paramref name="since"/>.</summary>
    public void Expire(long since)
    {
        while (_ring.Count > 0 && _ring.Front.Ticks < since)
            _ring.PopFront();
    }

    public void DropOldest()
    {
        if (_ring.Count > 0)
            _ring.PopFront();
    }

    public void Clear() => _ring.Clear();

    /// <summary>The detections, oldest first.</summary>
    public Detection[] ToArray()
    {
        var result = new Detection[_ring.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = _ring[i].Detection;
        return result;
    }
}
