using FsCheck;
using FsCheck.Fluent;
using Parry.Detection.Correlation;
using static Parry.Detection.Tests.Correlation.CorrelationHarness;

namespace Parry.Detection.Tests.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>Properties at window boundaries, under reordering within the lateness, against a reference model, and
/// of the caps, over generated streams.</summary>
public class CorrelationPropertyTests
{
    private static string Count(int needed, int seconds) => $"""
        title: counted
        id: counted-id
        correlation:
            type: event_count
            rules: [hit]
            group-by: [User]
            timespan: {seconds}s
            condition:
                gte: {needed}
        ---
        {BaseRule("hit", 1)}
        """;

    // Several correlation types over the same three rules, eager and judged at close, with a chain.
    private static readonly string Mixed = $"""
        title: bursts
        id: bursts-id
        name: bursts
        generate: true
        correlation:
            type: event_count
            rules: [a, b]
            group-by: [User]
            timespan: 20s
            condition:
                gte: 3
        ---
        title: spread
        id: spread-id
        correlation:
            type: value_count
            rules: [a, c]
            group-by: [User]
            timespan: 30s
            condition:
                field: Host
                gte: 3
        ---
        title: steps
        id: steps-id
        correlation:
            type: temporal_ordered
            rules: [a, b, c]
            group-by: [User]
            timespan: 40s
        ---
        title: quiet
        id: quiet-id
        correlation:
            type: event_count
            rules: [c]
            group-by: [Host]
            timespan: 15s
            condition:
                lt: 3
        ---
        title: all three then a burst
        id: chain-id
        generate: true
        correlation:
            type: temporal
            rules: [bursts, c]
            group-by: [User]
            timespan: 60s
        ---
        title: share
        id: share-id
        correlation:
            type: value_percentile
            rules: [a, b, c]
            group-by: [User]
            timespan: 50s
            condition:
                field: Host
                lte: 20
        ---
        {BaseRule("a", 1)}
        ---
        {BaseRule("b", 2)}
        ---
        {BaseRule("c", 3)}
        """;

    private sealed record Step(string Rule, int Seconds, int User, int Host, int Jitter);

    private static Gen<Step[]> Steps(int maxSeconds) =>
        Gen.ArrayOf(
            from rule in Gen.Elements("a", "b", "c")
            from seconds in Gen.Choose(0, maxSeconds)
            from user in Gen.Choose(0, 2)
            from host in Gen.Choose(0, 4)
            from jitter in Gen.Choose(0, 30)
            select new Step(rule, seconds, user, host, jitter));

    private static string Describe(Detection d) =>
        $"{d.Rule.Id}@{d.Event.Origin.Record}={d.Aggregate}[{string.Join(",", d.Related.Select(r => r.Event.Origin.Record))}]";

    [Fact]
    public void Events_exactly_one_timespan_apart_are_in_one_window_and_a_tick_more_is_not()
    {
        var gen = from needed in Gen.Choose(2, 8)
                  from seconds in Gen.Choose(1, 3600)
                  from extraTicks in Gen.Elements(0L, 1L, TimeSpan.TicksPerSecond)
                  select (needed, seconds, extraTicks);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (needed, seconds, extraTicks) = input;
            var h = new CorrelationHarness(Count(needed, seconds));
            var span = TimeSpan.FromSeconds(seconds).Ticks;
            var hits = Enumerable.Range(0, needed).Select(i =>
            {
                var at = i == needed - 1 ? span + extraTicks : span * i / (needed - 1);
                return h.HitAt("hit", T0.AddTicks(at), new { User = "u" });
            });
            var fired = h.FeedAll(hits);
            return fired.Count == (extraTicks == 0 ? 1 : 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_arrival_order_within_the_lateness_gives_the_same_detections_as_sorted_input()
    {
        var detections = new HashSet<string>();
        Prop.ForAll(Steps(200).ToArbitrary(), steps =>
        {
            var h = new CorrelationHarness(Mixed);
            var hits = steps.Select(s => (Step: s, Detection: h.Hit(s.Rule, s.Seconds, new { User = $"user{s.User}", Host = $"host{s.Host}" }))).ToList();
            var options = new CorrelationOptions { Lateness = TimeSpan.FromSeconds(30) };

            var sorted = Replay(h, options, hits.OrderBy(x => x.Step.Seconds).ThenBy(x => x.Detection.Event.Origin.Record).Select(x => x.Detection));
            // Arrival sorted by time plus a jitter of up to the lateness: nothing arrives more than that late.
            var shuffled = Replay(h, options, hits.OrderBy(x => x.Step.Seconds + x.Step.Jitter).ThenBy(x => -x.Detection.Event.Origin.Record).Select(x => x.Detection));
            foreach (var d in sorted)
                detections.Add(d[..d.IndexOf('@')]);
            return sorted.SequenceEqual(shuffled);
        }).QuickCheckThrowOnFailure();
        // The streams exercised every correlation, eager, judged at close and chained.
        detections.ShouldBe(["bursts-id", "spread-id", "steps-id", "quiet-id", "chain-id", "share-id"], ignoreOrder: true);
    }

    private static List<string> Replay(CorrelationHarness h, CorrelationOptions options, IEnumerable<Detection> detections)
    {
        var run = h.Set.StartRun(options);
        var output = new List<Detection>();
        foreach (var d in detections)
            run.Observe(d, output);
        run.Flush(output);
        run.Counters.Late.ShouldBe(0);
        return [.. output.Select(Describe)];
    }

    [Fact]
    public void Event_count_agrees_with_a_reference_model_of_the_documented_semantics()
    {
        var gen = from needed in Gen.Choose(1, 5)
                  from span in Gen.Choose(1, 30)
                  from steps in Steps(120)
                  select (needed, span, steps);
        var fired = 0;
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (needed, span, steps) = input;
            var h = new CorrelationHarness(Count(needed, span));
            var hits = steps.OrderBy(s => s.Seconds).Select(s => h.Hit("hit", s.Seconds, new { User = $"user{s.User}" })).ToList();
            var actual = h.FeedAll(hits).Select(d => d.Event.Origin.Record).ToList();

            // Reference: per group, the events since its last detection that are within the timespan of the newest;
            // a detection when there are enough, and the group starts over.
            var expected = new List<long>();
            var windows = new Dictionary<string, List<DateTimeOffset>>();
            foreach (var d in hits)
            {
                var user = d.Event.GetString(h.Fields.IdOf("User"))!;
                var window = windows.TryGetValue(user, out var w) ? w : windows[user] = [];
                window.RemoveAll(t => t < d.Timestamp!.Value.AddSeconds(-span));
                window.Add(d.Timestamp!.Value);
                if (window.Count >= needed)
                {
                    expected.Add(d.Event.Origin.Record);
                    window.Clear();
                }
            }
            fired += actual.Count;
            return actual.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
        fired.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void State_never_exceeds_the_caps_and_is_all_released_at_the_end()
    {
        var gen = from groups in Gen.Choose(1, 20)
                  from entries in Gen.Choose(1, 60)
                  from perGroup in Gen.Choose(1, 10)
                  from pending in Gen.Choose(1, 20)
                  from related in Gen.Choose(1, 4)
                  from steps in Steps(300)
                  select (Options: new CorrelationOptions
                  {
                      Lateness = TimeSpan.FromSeconds(10), MaxGroups = groups, MaxBufferedEntries = entries,
                      MaxEntriesPerGroup = perGroup, MaxPending = pending, MaxRelated = related,
                  }, steps);
        var h = new CorrelationHarness(Mixed);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (options, steps) = input;
            var run = h.Set.StartRun(options);
            var output = new List<Detection>();
            foreach (var s in steps) // any order, some of it late
            {
                run.Observe(h.Hit(s.Rule, s.Seconds, new { User = $"user{s.User}{s.Jitter}", Host = $"host{s.Host}" }), output);
                var c = run.Counters;
                if (c.Groups > options.MaxGroups || c.BufferedEntries > options.MaxBufferedEntries || c.Pending > options.MaxPending || c.BufferedEntries < 0)
                    return false;
            }
            run.Flush(output);
            return run.Counters.Groups == 0 && run.Counters.BufferedEntries == 0 && run.Counters.Pending == 0
                && output.All(d => d.Related.Count <= Math.Max(options.MaxRelated, 3));
        }).QuickCheckThrowOnFailure();
    }
}
