using Parry.Gateway.Inspection;

namespace Parry.Gateway.Decisions;

/// <summary>
/// One judged tools/call from decision to result: the request handed to the inspector, its findings and verdict,
/// its id as the client wrote it, and when it started. Completes exactly once (<see cref="TryComplete"/>).
/// </summary>
internal sealed class CallContext(SessionState session, ToolCallRequest request, byte[] rawId, string idKey, long startTimestamp)
{
    private int _completed;

    public SessionState Session { get; } = session;

    public ToolCallRequest Request { get; } = request;

    public byte[] RawId { get; } = rawId;

    public string IdKey { get; } = idKey;

    public long StartTimestamp { get; } = startTimestamp;

    public IReadOnlyList<Finding> Findings { get; set; } = [];

    public Verdict Verdict { get; set; } = Verdict.Default;

    /// <summary>When the call was forwarded (for the result's duration).</summary>
    public long ForwardedTimestamp { get; set; }

    /// <summary>The per-call timeout while the call is in flight.</summary>
    public ITimer? Timer { get; set; }

    public bool TryComplete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return false;
        Timer?.Dispose();
        return true;
    }
}
