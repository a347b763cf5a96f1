namespace Parry.TestSupport;

/// <summary>A clock that moves only when a test moves it.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        _now += by;
    }

    public void SetUtcNow(DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(now, _now);
        _now = now;
    }
}
