using Parry.Detection.Correlation;
using Parry.TestSupport;
using static Parry.Detection.Tests.Correlation.CorrelationHarness;

namespace Parry.Detection.Tests.Correlation;

/// <summary>Condition operators (gt, gte, lt, lte, eq, neq and ranges), and when each is judged: lower bounds on
/// growing aggregates as soon as they hold, everything else when the window anchored at the group's first event
/// closes.</summary>
public class CorrelationConditionTests
{
    private static string Count(string condition, string timespan = "10m") => $"""
        title: counted
        id: counted-id
        correlation:
            type: event_count
            rules: [login]
            group-by: [User]
            timespan: {timespan}
            condition:
        {condition}
        ---
        {BaseRule("login", 4624)}
        """;

    private static List<Core.Detections.Detection> Burst(CorrelationHarness h, int events, double start = 0, string user = "alice") =>
        [.. Enumerable.Range(0, events).Select(i => h.Hit("login", start + i, new { User = user }))];

    [Theory]
    [InlineData("gt: 4", 4, 0)]
    [InlineData("gt: 4", 5, 1)]
    [InlineData("gte: 4", 4, 1)]
    [InlineData("gte: 4", 3, 0)]
    [InlineData("gt: 4.5", 5, 1)]
    [InlineData("gte: 4", 8, 2)] // each detection is backed by its own events
    [InlineData("gte: 4", 7, 1)]
    public void Lower_bounds_fire_as_soon_as_they_hold(string condition, int events, int expected)
    {
        var h = new CorrelationHarness(Count("        " + condition));
        h.FeedAll(Burst(h, events)).Count.ShouldBe(expected);
    }

    [Theory]
    [InlineData("lt: 3", 2, 1)]
    [InlineData("lt: 3", 3, 0)]
    [InlineData("lte: 3", 3, 1)]
    [InlineData("eq: 3", 3, 1)]
    [InlineData("eq: 3", 4, 0)]
    [InlineData("eq: 3", 2, 0)]
    [InlineData("neq: 3", 3, 0)]
    [InlineData("neq: 3", 4, 1)]
    public void Other_comparisons_are_judged_on_the_whole_window(string condition, int events, int expected)
    {
        var h = new CorrelationHarness(Count("        " + condition));
        var hits = Burst(h, events);
        var fired = h.FeedAll(hits);
        fired.Count.ShouldBe(expected);
        if (expected > 0)
        {
            fired[0].Event.ShouldBeSameAs(hits[^1].Event);
            fired[0].Aggregate.ShouldBe(events);
        }
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(101, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 0)]
    public void A_range_holds_only_when_the_whole_burst_is_in_it(int events, int expected)
    {
        // Specification, "Condition": "101 to 200" written as gt: 100 and lte: 200.
        var h = new CorrelationHarness(Count("        gt: 100\n        lte: 200", "1h"));
        h.FeedAll(Burst(h, events)).Count.ShouldBe(expected);
    }

    [Fact]
    public void A_window_judged_at_close_is_anchored_at_the_groups_first_event()
    {
        var h = new CorrelationHarness(Count("        lt: 3", "10s"));
        var hits = new[]
        {
            h.Hit("login", 0, new { User = "a" }), h.Hit("login", 5, new { User = "a" }), h.Hit("login", 10, new { User = "a" }), // [0,10]: 3
            h.Hit("login", 11, new { User = "a" }), // next window [11,21]: 1
        };
        var fired = h.FeedAll(hits).ShouldHaveSingleItem();
        fired.Event.ShouldBeSameAs(hits[3].Event);
        fired.Aggregate.ShouldBe(1);
    }

    [Fact]
    public void A_live_window_closes_when_the_clock_moves_on_without_new_events()
    {
        var clock = new ManualTimeProvider(T0);
        var h = new CorrelationHarness(Count("        lt: 3", "1m"), new CorrelationOptions { Lateness = TimeSpan.FromSeconds(30) }, clock);
        h.Feed(h.Hit("login", 0, new { User = "a" }), h.Hit("login", 1, new { User = "a" })).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(90)); // window [0s, 60s] + 30 s lateness = 90 s: not yet past it
        h.Run.Advance(h.Output);
        h.Output.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromTicks(1));
        h.Run.Advance(h.Output);
        h.Output.ShouldHaveSingleItem().Aggregate.ShouldBe(2);
        h.Run.Counters.Groups.ShouldBe(0);
    }

    [Fact]
    public void An_eager_detection_waits_for_the_watermark_and_advance_releases_it()
    {
        var clock = new ManualTimeProvider(T0);
        var h = new CorrelationHarness(Count("        gte: 2"), new CorrelationOptions { Lateness = TimeSpan.FromSeconds(30) }, clock);
        h.Feed(h.Hit("login", 0, new { User = "a" }), h.Hit("login", 1, new { User = "a" })).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(31) + TimeSpan.FromTicks(1));
        h.Run.Advance(h.Output);
        h.Output.ShouldHaveSingleItem();
    }

    [Fact]
    public void Value_count_with_several_fields_counts_combinations()
    {
        var yaml = $"""
            title: pairs
            correlation:
                type: value_count
                rules: [login]
                group-by: [SourceIp]
                timespan: 1h
                condition:
                    field: [User, Computer]
                    gte: 3
            ---
            {BaseRule("login", 4624)}
            """;
        var h = new CorrelationHarness(yaml);
        h.FeedAll([
            h.Hit("login", 0, new { SourceIp = "x", User = "a", Computer = "c1" }),
            h.Hit("login", 1, new { SourceIp = "x", User = "a", Computer = "c2" }),
            h.Hit("login", 2, new { SourceIp = "x", User = "b", Computer = "c1" }),
            h.Hit("login", 3, new { SourceIp = "x", User = "b" }), // no Computer: not a value
        ]).ShouldHaveSingleItem().Aggregate.ShouldBe(3);
        h.Run.Counters.MissingValue.ShouldBe(1);
    }

    [Fact]
    public void Value_sum_with_several_fields_needs_every_sum_to_hold()
    {
        var yaml = $"""
            title: both ways
            correlation:
                type: value_sum
                rules: [flow]
                group-by: [SourceIp]
                timespan: 1h
                condition:
                    field: [BytesIn, BytesOut]
                    gte: 100
            ---
            {BaseRule("flow", 3)}
            """;
        var h = new CorrelationHarness(yaml);
        h.FeedAll([
            h.Hit("flow", 0, new { SourceIp = "x", BytesIn = 150, BytesOut = 10 }),
            h.Hit("flow", 1, new { SourceIp = "x", BytesIn = 1 }),
            h.Hit("flow", 2, new { SourceIp = "x", BytesOut = 90 }),
        ]).ShouldHaveSingleItem().Aggregate.ShouldBe(151);
    }
}
