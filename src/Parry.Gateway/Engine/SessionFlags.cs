namespace Parry.Gateway.Engine;

/// <summary>
/// The flags sessions carry, at most one per correlation rule and session, for at most <c>maxSessions</c> sessions
/// (past it the session flagged longest ago is forgotten first). Not thread-safe: its owner locks.
/// </summary>
internal sealed class SessionFlags(int maxSessions)
{
    private readonly Dictionary<string, List<SessionFlag>> _bySession = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);
    private volatile bool _empty = true;

    public bool IsEmpty => _empty;

    public int Sessions => _bySession.Count;

    public SessionFlag[] Of(string session) =>
        _bySession.TryGetValue(session, out var flags) ? [.. flags] : [];

    public void Raise(string session, SessionFlag flag)
    {
        if (!_bySession.TryGetValue(session, out var flags))
        {
            while (_bySession.Count >= maxSessions && _order.First is { } oldest)
                Forget(oldest.Value);
            _bySession[session] = flags = [];
            _nodes[session] = _order.AddLast(session);
        }
        else
        {
            // Most recently flagged last, so the eviction takes sessions flagged longest ago.
            var node = _nodes[session];
            _order.Remove(node);
            _order.AddLast(node);
        }
        flags.RemoveAll(f => f.Rule.Id == flag.Rule.Id);
        flags.Add(flag);
        _empty = false;
    }

    public void Clear(string session, IReadOnlyCollection<SessionFlag> flags)
    {
        if (!_bySession.TryGetValue(session, out var held))
            return;
        held.RemoveAll(f => flags.Contains(f));
        if (held.Count == 0)
            Forget(session);
    }

    private void Forget(string session)
    {
        _bySession.Remove(session);
        if (_nodes.Remove(session, out var node))
            _order.Remove(node);
        _empty = _bySession.Count == 0;
    }
}
