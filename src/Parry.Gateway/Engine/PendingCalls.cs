namespace Parry.Gateway.Engine;

/// <summary>
/// Calls between inspection and their end, by call id, in the order they arrived, at most <c>capacity</c>: adding one
/// more hands back the oldest, to be recorded as it stands. Thread-safe (one small lock).
/// </summary>
internal sealed class PendingCalls(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CallRecord>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<CallRecord> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _byId.Count;
        }
    }

    /// <summary>Adds a call; returns the oldest pending call when that made room for it.</summary>
    public CallRecord? Add(CallRecord record)
    {
        lock (_gate)
        {
            CallRecord? evicted = null;
            if (_byId.Count >= capacity && _order.First is { } oldest)
            {
                evicted = oldest.Value;
                _order.RemoveFirst();
                _byId.Remove(evicted.Request.CallId);
            }
            if (_byId.Remove(record.Request.CallId, out var replaced))
                _order.Remove(replaced);
            _byId[record.Request.CallId] = _order.AddLast(record);
            return evicted;
        }
    }

    public bool TryGet(string callId, out CallRecord record)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(callId, out var node))
            {
                record = node.Value;
                return true;
            }
        }
        record = null!;
        return false;
    }

    public bool TryRemove(string callId, out CallRecord record)
    {
        lock (_gate)
        {
            if (_byId.Remove(callId, out var node))
            {
                _order.Remove(node);
                record = node.Value;
                return true;
            }
        }
        record = null!;
        return false;
    }

    /// <summary>Whether some pending call is waiting for a human.</summary>
    public bool AnyHeld()
    {
        lock (_gate)
        {
            foreach (var record in _order)
            {
                if (record.LastDecision?.Action == Policy.PolicyAction.Hold)
                    return true;
            }
            return false;
        }
    }

    /// <summary>Every pending call, oldest first, leaving none.</summary>
    public List<CallRecord> TakeAll()
    {
        lock (_gate)
        {
            var all = _order.ToList();
            _order.Clear();
            _byId.Clear();
            return all;
        }
    }
}
