using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Actors;
using Parry.Core.Detections;
using Parry.Core.Events;
using Parry.Detection.Behaviour;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Behaviour;

public class BehaviourTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly AutonomyScorer Scorer = new(new AutonomyThresholds());

    private static Core.Detections.Detection DetectionOf(string title, Level level, params string[] tags)
    {
        var e = JsonEvents.FromJson("{\"a\":1}", FieldTable.Empty);
        return new Core.Detections.Detection(new RuleInfo(title, title, level, tags), e, null);
    }

    [Fact]
    public void A_machine_speed_prober_scores_high_and_a_person_low()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var bot = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.7"), Start);
        var person = new ActivityStreams(new Actor(ActorKind.Ip, "198.51.100.20"), Start);
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var failed = i % 3 != 0;
            tracker.Observe(bot.Next(0.15 + random.NextDouble() * 0.5, "web01", $"/path{i}", failure: failed));
        }
        for (var i = 0; i < 30; i++)
        {
            tracker.Observe(person.Next(4 + random.NextDouble() * 40, "web01", $"/page{i % 6}"));
            for (var asset = 0; asset < 5; asset++)
                tracker.Observe(person.Next(0.05, "web01", $"/static/{asset}.css", followUp: true));
        }
        tracker.ObserveDetections(bot.Next(0.3, "web01", "/x"), [DetectionOf("probe", Level.Medium, "attack.reconnaissance")], "webserver", []);
        tracker.ObserveDetections(bot.Next(0.3, "web01", "/y"), [DetectionOf("sqli", Level.High, "attack.initial-access")], "webserver", []);
        tracker.ObserveDetections(bot.Next(0.3, "web01", "/z"), [DetectionOf("dump", Level.High, "attack.credential-access")], "webserver", []);

        tracker.TryGetState(KeyHash.Of(bot.Actor), out var botState).ShouldBeTrue();
        var botFindings = tracker.Findings.Single(f => f.Actor == bot.Actor);
        var botScore = Scorer.Score(botState, botFindings);
        botScore.Score.ShouldBeGreaterThanOrEqualTo(0.8);
        botScore.Signals.Single(s => s.Name == "median_gap_s").Fired.ShouldBeTrue();
        botScore.Signals.Single(s => s.Name == "adapted_retries").Fired.ShouldBeTrue();

        tracker.TryGetState(KeyHash.Of(person.Actor), out var personState).ShouldBeTrue();
        personState.FollowUps.ShouldBe(150);
        var personScore = Scorer.Score(personState, null);
        personScore.Score.ShouldBeLessThan(0.3);
        personScore.Signals.Single(s => s.Name == "median_gap_s").Value.ShouldBeGreaterThan(4);
    }

    [Fact]
    public void A_short_session_cannot_fire_tempo_signals()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var quick = new ActivityStreams(new Actor(ActorKind.User, "alice"), Start);
        for (var i = 0; i < 5; i++)
            tracker.Observe(quick.Next(0.1));
        tracker.TryGetState(KeyHash.Of(quick.Actor), out var state).ShouldBeTrue();
        var score = Scorer.Score(state, null);
        score.Signals.Where(s => s.Name is "median_gap_s" or "share_gaps_below_floor" or "sustained_machine_tempo_s").ShouldAllBe(s => !s.Fired);
        score.Score.ShouldBeLessThan(0.2);
    }

    [Fact]
    public void Undated_actions_count_for_breadth_but_never_for_tempo()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var session = new Actor(ActorKind.Session, "trajectory.traj");
        for (var i = 0; i < 200; i++)
            tracker.Observe(new Activity(session, KeyHash.Of(session), 0, KeyHash.OfFolded("host" + i),
                KeyHash.OfFolded("step" + i), ActivityFlags.HasTarget | ActivityFlags.HasItem | ActivityFlags.Undated, null));
        tracker.TryGetState(KeyHash.Of(session), out var state).ShouldBeTrue();
        state.Events.ShouldBe(200);
        state.Gaps.ShouldBe(0);
        var score = Scorer.Score(state, null);
        score.Signals.Where(s => s.Name is "median_gap_s" or "share_gaps_below_floor" or "sustained_machine_tempo_s" or "peak_per_minute" or "gap_cv")
            .ShouldAllBe(s => !s.Fired);
        score.Signals.Single(s => s.Name == "distinct_targets").Fired.ShouldBeTrue();
    }

    [Fact]
    public void The_actor_cap_holds_and_actors_with_findings_survive_a_spray()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions { MaxActors = 1000 });
        var attacker = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.66"), Start);
        var first = attacker.Next(0);
        tracker.Observe(first);
        tracker.ObserveDetections(first, [DetectionOf("x", Level.High)], "webserver", []);
        for (var i = 0; i < 20_000; i++)
        {
            var sprayer = new ActivityStreams(new Actor(ActorKind.Ip, $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"), Start.AddSeconds(i));
            tracker.Observe(sprayer.Next(0));
        }
        tracker.Count.ShouldBe(1000);
        tracker.Evictions.ShouldBe(20_001 - 1000);
        tracker.TryGetState(KeyHash.Of(attacker.Actor), out _).ShouldBeTrue();
    }

    [Fact]
    public void Under_any_mix_of_new_and_returning_actors_the_cap_holds_and_every_tracked_actor_is_found()
    {
        // Exercises the actor index through growth and evictions: it must neither lose nor duplicate an actor.
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.ListOf(Gen.Choose(0, 120)).ToArbitrary(), (cap, sequence) =>
        {
            var tracker = new BehaviourTracker(new BehaviourOptions { MaxActors = cap });
            var universe = Enumerable.Range(0, 121).Select(i => new Actor(ActorKind.Ip, $"192.0.2.{i}")).ToArray();
            var seconds = 0;
            long created = 0;
            foreach (var id in sequence)
            {
                var key = KeyHash.Of(universe[id]);
                if (!tracker.TryGetState(key, out _))
                    created++;
                tracker.Observe(new Activity(universe[id], key, Start.AddSeconds(seconds++).UtcTicks, 0, 0, ActivityFlags.None, null));
                tracker.TryGetState(key, out var state).ShouldBeTrue();
                state.Key.ShouldBe(key);
            }
            var found = universe.Count(a => tracker.TryGetState(KeyHash.Of(a), out var s) && s.Key == KeyHash.Of(a));
            tracker.Count.ShouldBe((int)Math.Min(created, cap));
            found.ShouldBe(tracker.Count);
            tracker.Evictions.ShouldBe(created - tracker.Count);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Five_times_the_cap_in_distinct_actors_keeps_the_cap_and_counts_every_eviction()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions { MaxActors = 10_000 });
        var actor = new Actor(ActorKind.Ip, "192.0.2.1");
        for (var i = 0; i < 50_000; i++)
            tracker.Observe(new Activity(actor, unchecked((ulong)i * 0x9E3779B97F4A7C15UL + 1), Start.AddMilliseconds(i).UtcTicks, 0, 0, ActivityFlags.None, null));
        tracker.Count.ShouldBe(10_000);
        tracker.Evictions.ShouldBe(40_000);
        tracker.TryGetState(unchecked(49_999UL * 0x9E3779B97F4A7C15UL + 1), out _).ShouldBeTrue();
    }

    [Fact]
    public void Distinct_counts_are_estimated_within_the_sketch_error()
    {
        Prop.ForAll(Gen.Choose(0, 3000).ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), (n, seed) =>
        {
            var hll = new CompactHyperLogLog();
            for (var i = 0; i < n; i++)
                hll.Add(KeyHash.Of($"item-{seed}-{i}"));
            var estimate = hll.Estimate();
            // Documented accuracy: typical ±13 %; never off by more than a factor of 1.6 (with slack for tiny n).
            return n == 0 ? estimate == 0 : estimate >= n / 1.6 - 2 && estimate <= n * 1.6 + 2;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_gap_histogram_median_is_within_its_bucket_width_of_the_true_median()
    {
        Prop.ForAll(Gen.ListOf(Gen.Choose(1, 600_000)).Where(l => l.Count > 0).ToArbitrary(), gaps =>
        {
            var histogram = new GapHistogram();
            foreach (var g in gaps)
                histogram.Add(g);
            var sorted = gaps.Order().ToList();
            var median = sorted[(sorted.Count - 1) / 2] / 1000.0;
            var estimate = histogram.MedianSeconds();
            // Same bucket (factor 2 wide) as a true median, or its neighbour for even counts.
            var low = sorted[(sorted.Count - 1) / 2] / 1000.0;
            var high = sorted[sorted.Count / 2] / 1000.0;
            return estimate >= Math.Min(low, median) / 2.9 - 0.02 && estimate <= Math.Max(high, median) * 2.9 + 0.02;
        }).QuickCheckThrowOnFailure();
    }
}
