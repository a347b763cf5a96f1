namespace Parry.Gateway.Policy.Limits;

/// <summary>Calls allowed per session: per second (with a burst) and per minute. Zero means no limit.</summary>
public sealed record RateLimit(double PerSecond, int Burst, double PerMinute)
{
    public static RateLimit None { get; } = new(0, 0, 0);
}
