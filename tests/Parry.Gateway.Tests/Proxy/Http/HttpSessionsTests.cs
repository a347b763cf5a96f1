using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Proxy.Http;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Proxy.Http;

public class HttpSessionsTests
{
    private static HttpSessions Sessions(ManualTime time) => new(
        new GatewayRuntime(GatewayPolicy.Default, new BuiltInInspector(), AuditLog.Disabled(time), new ApprovalQueue(time), time,
            new Diagnostics(TextWriter.Null), GatewayLimits.Default),
        "upstream:1");

    [Fact]
    public void The_table_stays_bounded_and_forgets_the_idlest_session_first()
    {
        var time = new ManualTime();
        var sessions = Sessions(time);
        var busy = sessions.Get("busy");
        busy.InFlight["n:1"] = null!;
        for (var i = 0; i < HttpSessions.MaxSessions + 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            sessions.Get("s" + i);
        }
        sessions.Count.ShouldBeLessThanOrEqualTo(HttpSessions.MaxSessions);
        sessions.Get("busy").ShouldBeSameAs(busy, "a session with a call in flight is never forgotten");
    }

    [Fact]
    public void An_initialize_session_takes_the_id_the_server_gives_it()
    {
        var sessions = Sessions(new ManualTime());
        var fresh = sessions.Begin();
        fresh.Id.ShouldBe(HttpSessions.Anonymous);
        sessions.Register("abc", fresh);
        sessions.Get("abc").ShouldBeSameAs(fresh);
        fresh.Id.ShouldBe("abc");
        sessions.Remove("abc");
        sessions.Get("abc").ShouldNotBeSameAs(fresh);
    }
}
