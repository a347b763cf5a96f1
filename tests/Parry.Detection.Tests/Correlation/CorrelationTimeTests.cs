using Parry.Detection.Correlation;
using static Parry.Detection.Tests.Correlation.CorrelationHarness;

namespace Parry.Detection.Tests.Correlation;

/// <summary>Event time: late and undated detections, order within the lateness, window boundaries.</summary>
public class CorrelationTimeTests
{
    private static readonly string ThreeInAMinute = $"""
        title: three in a minute
        id: three-id
        correlation:
            type: event_count
            rules: [login]
            group-by: [User]
            timespan: 1m
            condition:
                gte: 3
        ---
        {BaseRule("login", 4624)}
        """;

    [Fact]
    public void A_detection_later_than_the_lateness_is_dropped_counted_and_reported()
    {
        var h = new CorrelationHarness(ThreeInAMinute, new CorrelationOptions { Lateness = TimeSpan.FromSeconds(30) });
        h.Feed(h.Hit("login", 100, new { User = "a" }));
        h.Feed(h.Hit("login", 70, new { User = "a" })); // exactly the lateness behind: in time
        h.Feed(h.Hit("login", 69.5, new { User = "a" }, path: "late.json"));
        h.Run.Counters.Late.ShouldBe(1);
        var error = h.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("late.json");
        error.Message.ShouldContain("lateness");
        h.Flush().ShouldBeEmpty(); // two counted, the late one not
    }

    [Fact]
    public void A_detection_without_a_time_is_counted_and_reported()
    {
        var h = new CorrelationHarness(ThreeInAMinute);
        var undated = h.Hit("login", 0, new { User = "a" });
        undated.Event.Timestamp = null;
        h.Feed(undated);
        h.Run.Counters.Untimed.ShouldBe(1);
        h.Errors.ShouldHaveSingleItem().Message.ShouldContain("no time");
    }

    [Fact]
    public void Out_of_order_detections_within_the_lateness_count_in_event_time()
    {
        var h = new CorrelationHarness(ThreeInAMinute, new CorrelationOptions { Lateness = TimeSpan.FromSeconds(30) });
        var early = h.Hit("login", 0, new { User = "a" });
        var fired = h.FeedAll([h.Hit("login", 20, new { User = "a" }), early, h.Hit("login", 10, new { User = "a" })]).ShouldHaveSingleItem();
        fired.Related[0].ShouldBeSameAs(early);
        fired.Event.Timestamp.ShouldBe(T0.AddSeconds(20));
    }

    [Fact]
    public void Detections_after_the_end_of_the_run_are_late()
    {
        var h = new CorrelationHarness(ThreeInAMinute);
        h.Flush();
        h.Feed(h.Hit("login", 0, new { User = "a" }));
        h.Run.Counters.Late.ShouldBe(1);
    }

    [Fact]
    public void Detections_of_rules_no_correlation_uses_are_ignored()
    {
        var h = new CorrelationHarness(ThreeInAMinute + "\n---\n" + BaseRule("other", 1));
        h.Set.Correlates(h.Hit("other", 0).Rule).ShouldBeFalse();
        h.Set.ShouldReport(h.Hit("other", 0).Rule).ShouldBeTrue();
        h.Feed(h.Hit("other", 0, new { User = "a" }));
        h.Run.Counters.Observed.ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 1)] // first to last exactly the timespan: in one window
    [InlineData(1, 0)] // a tick more: not
    public void The_window_includes_both_ends(long extraTicks, int expected)
    {
        var h = new CorrelationHarness(ThreeInAMinute);
        var hits = new[]
        {
            h.HitAt("login", T0, new { User = "a" }),
            h.HitAt("login", T0.AddSeconds(30), new { User = "a" }),
            h.HitAt("login", T0.AddMinutes(1).AddTicks(extraTicks), new { User = "a" }),
        };
        h.FeedAll(hits).Count.ShouldBe(expected);
    }
}
