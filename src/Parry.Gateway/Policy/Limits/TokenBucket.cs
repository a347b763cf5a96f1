namespace Parry.Gateway.Policy.Limits;

/// <summary>A token bucket refilled by elapsed time read from a <see cref="TimeProvider"/> (a fake clock in tests).</summary>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double capacity, double perSecond, TimeProvider time)
    {
        _capacity = capacity;
        _perSecond = perSecond;
        _time = time;
        _tokens = capacity;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token if there is one. Callers serialise access (see <see cref="SessionRateLimiter"/>).</summary>
    public bool TryTake()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * _perSecond));
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }
}
