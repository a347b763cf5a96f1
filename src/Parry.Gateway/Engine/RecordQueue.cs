using System.Collections.Concurrent;

namespace Parry.Gateway.Engine;

/// <summary>
/// The recorder's queue: many writers (the gateway's threads), one reader (the record's own thread). Lock-free on both
/// sides, because the judging thread hands over a call for every call it judges and a locked queue (a bounded
/// <c>Channel</c>) made writer and reader spin on each other's lock. Bounded for calls (a full queue refuses them,
/// the caller counts the loss); control items (barriers, the end) always go in. The reader sleeps on an event only
/// when it found the queue empty, so a busy gateway sets no event per call.
/// </summary>
internal sealed class RecordQueue(int capacity) : IDisposable
{
    private readonly ConcurrentQueue<RecordItem> _items = new();
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private int _count;
    private int _waiting;
    private int _closed;

    public bool IsEmpty => _items.IsEmpty;

    /// <summary>Adds a call or a tick unless the queue is full or closed.</summary>
    public bool TryAdd(RecordItem item)
    {
        if (Volatile.Read(ref _closed) != 0)
            return false;
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        Enqueue(item);
        return true;
    }

    /// <summary>Adds an item that must not be lost (a barrier, the end), full or not.</summary>
    public void Add(RecordItem item)
    {
        Interlocked.Increment(ref _count);
        Enqueue(item);
    }

    /// <summary>Refuses every later <see cref="TryAdd"/> (the record is finished).</summary>
    public void Close() => Volatile.Write(ref _closed, 1);

    /// <summary>The reader's side.</summary>
    public bool TryTake(out RecordItem item)
    {
        if (!_items.TryDequeue(out item!))
            return false;
        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>The reader's side: returns once the queue has an item (at once if it has one now).</summary>
    public void WaitForItems()
    {
        _wake.Reset();
        // A full fence before looking: either this sees a writer's item, or that writer sees the flag and sets the event.
        Interlocked.Exchange(ref _waiting, 1);
        if (!_items.IsEmpty)
        {
            Volatile.Write(ref _waiting, 0);
            return;
        }
        _wake.Wait();
    }

    public void Dispose() => _wake.Dispose();

    private void Enqueue(RecordItem item)
    {
        _items.Enqueue(item);
        if (Volatile.Read(ref _waiting) != 0 && Interlocked.Exchange(ref _waiting, 0) != 0)
            _wake.Set();
    }
}
