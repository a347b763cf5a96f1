using Parry.Detection.Correlation;
using static Parry.Detection.Tests.Correlation.CorrelationHarness;

namespace Parry.Detection.Tests.Correlation;

/// <summary>Bounded state: the caps hold under a spray of fresh group keys, and what they evict is counted.</summary>
public class CorrelationCapTests
{
    private static readonly string FiveInTenMinutes = $"""
        title: five in ten minutes
        id: five-id
        correlation:
            type: event_count
            rules: [failed]
            group-by: [IpAddress]
            timespan: 10m
            condition:
                gte: 5
        ---
        {BaseRule("failed", 4625)}
        """;

    [Fact]
    public void A_spray_of_fresh_addresses_is_capped_and_does_not_push_out_a_group_close_to_firing()
    {
        var h = new CorrelationHarness(FiveInTenMinutes, new CorrelationOptions { Lateness = TimeSpan.Zero, MaxGroups = 100 });
        h.Feed([.. Enumerable.Range(0, 4).Select(i => h.Hit("failed", i, new { IpAddress = "203.0.113.7" }))]);
        for (var i = 0; i < 10_000; i++)
        {
            h.Feed(h.Hit("failed", 10 + i * 0.01, new { IpAddress = $"198.51.{i / 256}.{i % 256}" }));
            h.Run.Counters.Groups.ShouldBeLessThanOrEqualTo(100);
        }
        h.Run.Counters.EvictedGroups.ShouldBe(10_000 - 100); // the newest waits for the watermark
        h.Run.Counters.EvictedEntries.ShouldBe(h.Run.Counters.EvictedGroups * 2); // a time and a related detection each
        var fired = h.FeedAll([h.Hit("failed", 200, new { IpAddress = "203.0.113.7" })]).ShouldHaveSingleItem();
        fired.GroupBy.ShouldBe([new KeyValuePair<string, string>("IpAddress", "203.0.113.7")]);
    }

    [Fact]
    public void The_entry_cap_evicts_groups_and_counts_their_entries()
    {
        var h = new CorrelationHarness(FiveInTenMinutes, new CorrelationOptions { Lateness = TimeSpan.Zero, MaxBufferedEntries = 50 });
        for (var i = 0; i < 1000; i++)
        {
            h.Feed(h.Hit("failed", i * 0.1, new { IpAddress = $"10.0.{i / 4 % 256}.{i % 7}" }));
            h.Run.Counters.BufferedEntries.ShouldBeLessThanOrEqualTo(50);
        }
        h.Run.Counters.EvictedGroups.ShouldBeGreaterThan(0);
        h.Run.Counters.EvictedEntries.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_group_over_its_own_cap_drops_its_oldest_values()
    {
        var yaml = $"""
            title: many users
            correlation:
                type: value_count
                rules: [failed]
                group-by: [IpAddress]
                timespan: 1h
                condition:
                    field: User
                    gte: 1000
            ---
            {BaseRule("failed", 4625)}
            """;
        var h = new CorrelationHarness(yaml, new CorrelationOptions { Lateness = TimeSpan.Zero, MaxEntriesPerGroup = 100, MaxRelated = 4 });
        h.FeedAll(Enumerable.Range(0, 500).Select(i => h.Hit("failed", i, new { IpAddress = "x", User = $"u{i}" }))).ShouldBeEmpty();
        h.Run.Counters.PeakBufferedEntries.ShouldBe(100);
        h.Run.Counters.EvictedEntries.ShouldBe(404); // the 4 related detections count against the group's cap too
    }

    [Fact]
    public void A_full_reorder_buffer_releases_its_oldest_early_and_counts_it()
    {
        var h = new CorrelationHarness(FiveInTenMinutes, new CorrelationOptions { Lateness = TimeSpan.FromDays(1), MaxPending = 10 });
        for (var i = 0; i < 20; i++)
        {
            h.Feed(h.Hit("failed", i, new { IpAddress = "x" }));
            h.Run.Counters.Pending.ShouldBeLessThanOrEqualTo(10);
        }
        h.Run.Counters.ForcedReleases.ShouldBe(10);
        h.Output.Count.ShouldBe(2); // the released ten made two detections already
        h.Feed(h.Hit("failed", 5, new { IpAddress = "x" })); // behind what was released: late
        h.Run.Counters.Late.ShouldBe(1);
    }

    [Fact]
    public void A_threshold_beyond_the_per_group_cap_is_reported_at_start()
    {
        var h = new CorrelationHarness(FiveInTenMinutes.Replace("gte: 5", "gte: 500"),
            new CorrelationOptions { MaxEntriesPerGroup = 100 });
        h.Errors.ShouldHaveSingleItem().Message.ShouldContain("cannot fire");
    }
}
