using System.Collections.Concurrent;
using Parry.Gateway.Decisions;
using Parry.Gateway.Hosting;

namespace Parry.Gateway.Proxy.Http;

/// <summary>
/// The HTTP sessions the gateway knows, by <c>Mcp-Session-Id</c>. Bounded: past <see cref="MaxSessions"/> the least
/// recently seen session without calls in progress is forgotten (its rate limit starts afresh if it comes back).
/// </summary>
internal sealed class HttpSessions(GatewayRuntime runtime, string serverName)
{
    public const int MaxSessions = 4096;
    public const string Anonymous = "(no session id)";

    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    /// <summary>The session a request belongs to; requests without a session id (initialize) share an anonymous one
    /// until the server names the session.</summary>
    public SessionState Get(string? sessionId)
    {
        var key = string.IsNullOrEmpty(sessionId) ? Anonymous : sessionId;
        if (_sessions.TryGetValue(key, out var session))
        {
            session.LastSeen = runtime.Time.GetTimestamp();
            return session;
        }
        if (_sessions.Count >= MaxSessions)
            EvictOne();
        return _sessions.GetOrAdd(key, k => runtime.NewSession(k, "http", serverName));
    }

    /// <summary>A fresh session for an initialize request: registered under the id the server's answer gives it.</summary>
    public SessionState Begin() => runtime.NewSession(Anonymous, "http", serverName);

    public void Register(string sessionId, SessionState session)
    {
        if (_sessions.Count >= MaxSessions)
            EvictOne();
        session.Id = sessionId;
        _sessions[sessionId] = session;
    }

    public void Remove(string? sessionId)
    {
        if (!string.IsNullOrEmpty(sessionId))
            _sessions.TryRemove(sessionId, out _);
    }

    private void EvictOne()
    {
        var oldest = _sessions.Values
            .Where(s => s.InFlight.IsEmpty && s.Held.IsEmpty)
            .OrderBy(s => s.LastSeen)
            .FirstOrDefault();
        if (oldest is not null)
            _sessions.TryRemove(oldest.Id, out _);
    }
}
