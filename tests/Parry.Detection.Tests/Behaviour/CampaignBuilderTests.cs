using Parry.Core.Actors;
using Parry.Core.Detections;
using Parry.Core.Events;
using Parry.Detection.Behaviour;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Behaviour;

public class CampaignBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Core.Detections.Detection DetectionOf(string title, Level level, params string[] tags) =>
        new(new RuleInfo(title, title, level, tags), JsonEvents.FromJson("{\"a\":1}", FieldTable.Empty), null);

    private static CampaignBuilder Builder() => new(new AutonomyScorer(new AutonomyThresholds()));

    [Fact]
    public void Tactics_are_reported_in_order_of_first_appearance()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var actor = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.7"), Start);
        void Hit(string title, Level level, string tag)
        {
            var a = actor.Next(1, "web01", title, keepTarget: "web01");
            tracker.Observe(a);
            tracker.ObserveDetections(a, [DetectionOf(title, level, tag)], "webserver", []);
        }
        Hit("scan", Level.Low, "attack.reconnaissance");
        Hit("exploit", Level.High, "attack.initial_access");
        Hit("scan again", Level.Low, "attack.reconnaissance");
        Hit("dump", Level.High, "attack.credential-access");

        var campaign = Builder().Build(tracker).ShouldHaveSingleItem();
        campaign.Tactics.ShouldBe(["reconnaissance", "initial-access", "credential-access"]);
        campaign.Detections.ShouldBe(4);
        campaign.Level.ShouldBe(Level.High);
        campaign.Targets.ShouldBe(["web01"]);
        campaign.Timeline[0].Detections.ShouldBe(2);
        campaign.Id.ShouldStartWith("C-");
        Builder().Build(tracker).Single().Id.ShouldBe(campaign.Id);
    }

    [Fact]
    public void A_tactic_starts_at_its_earliest_detection_also_when_that_detection_is_reported_later()
    {
        // Correlation detections come out after the reorder buffer's lateness: a base-rule detection of the same
        // tactic, later in event time, can be reported before them.
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var actor = new Actor(ActorKind.User, "svc-backup");
        void Report(int seconds, string title, string tag)
        {
            var activity = new Activity(actor, KeyHash.Of(actor), Start.AddSeconds(seconds).UtcTicks, 0, 0, ActivityFlags.None, null);
            tracker.Observe(activity);
            tracker.ObserveDetections(activity, [DetectionOf(title, Level.Medium, tag)], "json", []);
        }
        Report(30, "archive", "attack.collection");
        Report(20, "dump then lateral movement", "attack.lateral-movement");
        Report(10, "mass staging", "attack.collection");

        var campaign = Builder().Build(tracker).ShouldHaveSingleItem();
        campaign.Tactics.ShouldBe(["collection", "lateral-movement"]);
        campaign.Timeline[0].FirstSeen.ShouldBe(Start.AddSeconds(10));
        campaign.Timeline[0].ExampleRule.ShouldBe("mass staging");
        campaign.Timeline[0].Detections.ShouldBe(2);
    }

    [Fact]
    public void Actors_named_in_one_event_form_one_campaign()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var ip = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.7"), Start);
        var user = new ActivityStreams(new Actor(ActorKind.User, "svc-backup"), Start.AddMinutes(2));
        var a = ip.Next(1);
        tracker.Observe(a);
        tracker.ObserveDetections(a, [DetectionOf("brute force", Level.Medium, "attack.credential-access")], "linux", [ip.Actor, user.Actor]);
        var b = user.Next(1);
        tracker.Observe(b);
        tracker.ObserveDetections(b, [DetectionOf("discovery burst", Level.Medium, "attack.discovery")], "windows", []);

        var campaign = Builder().Build(tracker).ShouldHaveSingleItem();
        campaign.LinkedActors.ShouldContain(user.Actor);
        campaign.Tactics.ShouldBe(["credential-access", "discovery"]);
    }

    [Fact]
    public void Informational_findings_alone_make_no_campaign_and_unrelated_actors_stay_apart()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var quiet = new ActivityStreams(new Actor(ActorKind.Ip, "198.51.100.1"), Start);
        var low = new ActivityStreams(new Actor(ActorKind.Ip, "198.51.100.2"), Start);
        var loud = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.9"), Start);
        var q = quiet.Next(1, "web01", keepTarget: "web01");
        tracker.Observe(q);
        tracker.ObserveDetections(q, [DetectionOf("robots.txt", Level.Informational)], "webserver", []);
        var l = low.Next(1, "web01", keepTarget: "web01");
        tracker.Observe(l);
        tracker.ObserveDetections(l, [DetectionOf("404", Level.Low)], "webserver", []);
        var h = loud.Next(1, "web01", keepTarget: "web01");
        tracker.Observe(h);
        tracker.ObserveDetections(h, [DetectionOf("sqli", Level.High)], "webserver", []);

        var campaigns = Builder().Build(tracker);
        campaigns.Count.ShouldBe(2);
        campaigns.ShouldContain(c => c.Actor == low.Actor && c.Level == Level.Low && c.LinkedActors.Count == 0);
        campaigns.ShouldContain(c => c.Actor == loud.Actor && c.LinkedActors.Count == 0);
    }

    [Fact]
    public void Serious_actors_on_the_same_target_at_the_same_time_are_one_campaign()
    {
        var tracker = new BehaviourTracker(new BehaviourOptions());
        var a = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.10"), Start);
        var b = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.11"), Start.AddMinutes(3));
        var c = new ActivityStreams(new Actor(ActorKind.Ip, "203.0.113.12"), Start.AddHours(5));
        foreach (var s in new[] { a, b, c })
        {
            var x = s.Next(1, "db01", keepTarget: "db01");
            tracker.Observe(x);
            tracker.ObserveDetections(x, [DetectionOf("spray", Level.Medium, "attack.credential-access")], "linux", []);
        }
        var campaigns = Builder().Build(tracker);
        campaigns.Count.ShouldBe(2);
        campaigns.ShouldContain(cp => cp.LinkedActors.Count == 1);
    }
}
