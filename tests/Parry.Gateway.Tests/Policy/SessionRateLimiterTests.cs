using Parry.Gateway.Policy.Limits;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Policy;

public class SessionRateLimiterTests
{
    [Fact]
    public void Allows_the_burst_then_refills_with_time()
    {
        var time = new ManualTime();
        var limiter = new SessionRateLimiter(new RateLimit(2, 3, 0), time);
        Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire()).ShouldAllBe(ok => ok);
        limiter.TryAcquire().ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(500));
        limiter.TryAcquire().ShouldBeTrue();
        limiter.TryAcquire().ShouldBeFalse();
    }

    [Fact]
    public void The_per_minute_limit_holds_across_seconds()
    {
        var time = new ManualTime();
        var limiter = new SessionRateLimiter(new RateLimit(10, 10, 12), time);
        var allowed = 0;
        for (var second = 0; second < 30; second++)
        {
            for (var call = 0; call < 10; call++)
                allowed += limiter.TryAcquire() ? 1 : 0;
            time.Advance(TimeSpan.FromSeconds(1));
        }
        // 12 at once, then one every 5 seconds for the remaining 30 seconds.
        allowed.ShouldBeInRange(17, 19);
    }

    [Fact]
    public void No_limit_means_every_call_passes()
    {
        var limiter = new SessionRateLimiter(RateLimit.None, new ManualTime());
        Enumerable.Range(0, 1000).All(_ => limiter.TryAcquire()).ShouldBeTrue();
    }
}
