namespace Parry.Gateway.Policy.Limits;

/// <summary>The rate limit state of one session: a per-second and a per-minute bucket, both must have a token.</summary>
internal sealed class SessionRateLimiter
{
    private readonly TokenBucket? _second;
    private readonly TokenBucket? _minute;
    private readonly Lock _gate = new();

    public SessionRateLimiter(RateLimit limit, TimeProvider time)
    {
        if (limit.PerSecond > 0)
            _second = new TokenBucket(Math.Max(1, limit.Burst > 0 ? limit.Burst : Math.Ceiling(limit.PerSecond)), limit.PerSecond, time);
        if (limit.PerMinute > 0)
            _minute = new TokenBucket(limit.PerMinute, limit.PerMinute / 60.0, time);
    }

    /// <summary>Counts one call; false when it exceeds a limit (the call still counts against the other bucket).</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            var second = _second?.TryTake() ?? true;
            var minute = _minute?.TryTake() ?? true;
            return second && minute;
        }
    }
}
