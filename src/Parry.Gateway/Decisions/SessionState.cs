using System.Collections.Concurrent;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy.Limits;

namespace Parry.Gateway.Decisions;

/// <summary>
/// One MCP session through the gateway (a stdio process, or an HTTP <c>Mcp-Session-Id</c>): who the client and server
/// are, its rate limiter, and its calls in flight, keyed by request id.
/// </summary>
internal sealed class SessionState
{
    public SessionState(string id, string transport, string serverName, SessionRateLimiter limiter)
    {
        Id = id;
        Transport = transport;
        ServerName = serverName;
        RateLimiter = limiter;
    }

    public string Id { get; set; }

    public string Transport { get; }

    public ClientIdentity Client { get; set; } = ClientIdentity.Unknown;

    /// <summary>The server's name: <c>--server-name</c>, else its <c>serverInfo.name</c>, else the command or URL.</summary>
    public string ServerName { get; set; }

    public bool ServerNameFixed { get; init; }

    public string? ProtocolVersion { get; set; }

    /// <summary>The id key of the client's initialize request, to read the server's answer to it.</summary>
    public string? InitializeIdKey { get; set; }

    public SessionRateLimiter RateLimiter { get; }

    /// <summary>Calls forwarded to the server and not yet answered.</summary>
    public ConcurrentDictionary<string, CallContext> InFlight { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls waiting for a human, so a client's cancellation can end the hold.</summary>
    public ConcurrentDictionary<string, CancellationTokenSource> Held { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of calls the client already got an answer for (timed out, cancelled): a late answer is dropped.</summary>
    public ConcurrentDictionary<string, byte> LateIds { get; } = new(StringComparer.Ordinal);

    public long LastSeen { get; set; }

    /// <summary>Why the session ended, when it did (the server exited, the client went away).</summary>
    public string? EndReason { get; set; }
}
