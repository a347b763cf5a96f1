using System.Security.Cryptography;
using System.Text;
using Parry.Core.Actors;
using Parry.Core.Campaigns;
using Parry.Core.Detections;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Groups actors' findings into campaigns. Actors are linked when one event names both (the address and the
/// account it logged in as), or when both raised detections of at least medium level against the same target
/// within <see cref="LinkWindow"/> of each other. A group becomes a campaign when it raised a detection of level
/// low or above; its level is the highest detection level, one step higher when an autonomous operator (autonomy
/// ≥ 0.7) went through three or more tactics.
/// </summary>
internal sealed class CampaignBuilder(AutonomyScorer scorer)
{
    public static readonly TimeSpan LinkWindow = TimeSpan.FromMinutes(10);

    public IReadOnlyList<Campaign> Build(BehaviourTracker tracker)
    {
        var findings = tracker.Findings.ToList();
        var index = findings.Select((f, i) => (f.Actor, i)).ToDictionary(p => p.Actor, p => p.i);
        var parent = Enumerable.Range(0, findings.Count).ToArray();

        for (var i = 0; i < findings.Count; i++)
        {
            foreach (var other in findings[i].CoActors)
            {
                if (index.TryGetValue(other, out var j))
                    Union(parent, i, j);
            }
        }
        var serious = Enumerable.Range(0, findings.Count).Where(i => findings[i].MaxLevel >= Level.Medium).ToList();
        var byTarget = new Dictionary<ulong, List<int>>();
        foreach (var i in serious)
        {
            foreach (var target in findings[i].TargetKeys)
            {
                if (!byTarget.TryGetValue(target, out var list))
                    byTarget[target] = list = [];
                list.Add(i);
            }
        }
        foreach (var group in byTarget.Values)
        {
            for (var a = 0; a < group.Count; a++)
            {
                for (var b = a + 1; b < group.Count; b++)
                {
                    if (Overlap(findings[group[a]], findings[group[b]]))
                        Union(parent, group[a], group[b]);
                }
            }
        }

        var campaigns = new List<Campaign>();
        foreach (var members in Enumerable.Range(0, findings.Count).GroupBy(i => Find(parent, i)))
        {
            var group = members.Select(i => findings[i]).ToList();
            if (group.Max(f => f.MaxLevel) < Level.Low)
                continue;
            campaigns.Add(Make(group, tracker));
        }
        return [.. campaigns.OrderBy(c => c.FirstSeen).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    private Campaign Make(List<ActorFindings> group, BehaviourTracker tracker)
    {
        var primary = group.OrderByDescending(f => f.Detections).ThenBy(f => f.FirstTicks).First();
        var autonomy = tracker.TryGetState(primary.Key, out var state)
            ? scorer.Score(state, Merge(group))
            : AutonomyScore.None;

        var tactics = new Dictionary<string, (long First, int Count, string Example)>(StringComparer.Ordinal);
        foreach (var f in group)
        {
            foreach (var (name, record) in f.Tactics)
            {
                tactics[name] = tactics.TryGetValue(name, out var seen)
                    ? (Math.Min(seen.First, record.FirstTicks), seen.Count + record.Count, seen.First <= record.FirstTicks ? seen.Example : record.ExampleRule)
                    : (record.FirstTicks, record.Count, record.ExampleRule);
            }
        }
        var timeline = tactics.OrderBy(t => t.Value.First).ThenBy(t => Core.Attack.AttackTactics.OrderOf(t.Key))
            .Select(t => new TacticStep(t.Key, new DateTimeOffset(t.Value.First, TimeSpan.Zero), t.Value.Count, t.Value.Example))
            .ToList();

        var maxLevel = group.Max(f => f.MaxLevel);
        var level = maxLevel;
        if (timeline.Count >= 3 && autonomy.Score >= 0.7 && level < Level.Critical)
            level++;

        var first = new DateTimeOffset(group.Min(f => f.FirstTicks), TimeSpan.Zero);
        var last = new DateTimeOffset(group.Max(f => f.LastTicks), TimeSpan.Zero);
        long events = 0;
        foreach (var f in group)
        {
            if (tracker.TryGetState(f.Key, out var s))
            {
                events += s.Events;
                first = Min(first, new DateTimeOffset(s.FirstTicks, TimeSpan.Zero));
                last = Max(last, new DateTimeOffset(s.LastTicks, TimeSpan.Zero));
            }
        }
        var detections = group.Sum(f => f.Detections);
        var linked = group.Where(f => f != primary).Select(f => f.Actor)
            .Concat(group.SelectMany(f => f.CoActors)).Where(a => a != primary.Actor).Distinct()
            .OrderBy(a => a.Kind).ThenBy(a => a.Value, StringComparer.Ordinal).ToList();
        var targets = group.SelectMany(f => f.Targets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var summary = Describe(primary.Actor, timeline.Count, last - first, events, detections, maxLevel, level, autonomy);

        return new Campaign(
            CampaignId(primary.Actor), primary.Actor, first, last,
            [.. timeline.Select(t => t.Tactic)],
            [.. group.SelectMany(f => f.Techniques).Distinct().Order(StringComparer.Ordinal)],
            detections, targets, level, autonomy)
        {
            LinkedActors = linked,
            Timeline = timeline,
            Sources = [.. group.SelectMany(f => f.Sources).Distinct().Order(StringComparer.Ordinal)],
            Events = events,
            Summary = summary,
        };
    }

    // The findings of a group as one, for the tactic signals.
    private static ActorFindings Merge(List<ActorFindings> group)
    {
        if (group.Count == 1)
            return group[0];
        var merged = new ActorFindings(group[0].Actor, group[0].Key, 0);
        foreach (var f in group)
        {
            foreach (var (name, record) in f.Tactics)
            {
                if (!merged.Tactics.TryGetValue(name, out var existing) || record.FirstTicks < existing.FirstTicks)
                    merged.Tactics[name] = record;
            }
        }
        return merged;
    }

    private static string Describe(Actor actor, int tactics, TimeSpan span, long events, int detections, Level maxLevel, Level level, AutonomyScore autonomy)
    {
        var text = new StringBuilder();
        text.Append($"{actor} raised {detections} detection{(detections == 1 ? "" : "s")} (highest {maxLevel.Name()})");
        if (tactics > 0)
            text.Append($" across {tactics} tactic{(tactics == 1 ? "" : "s")}");
        text.Append($" in {Human(span)}, {events} events");
        var fired = autonomy.Signals.Where(s => s.Fired).Select(s => s.Name).ToList();
        text.Append(fired.Count > 0 ? $"; machine-like: {string.Join(", ", fired)}" : "; nothing machine-like in its tempo");
        if (level != maxLevel)
            text.Append($"; raised to {level.Name()} for an autonomous operator progressing through tactics");
        return text.Append('.').ToString();
    }

    private static string Human(TimeSpan span) => span.TotalSeconds < 120
        ? $"{span.TotalSeconds:0.#} s"
        : span.TotalMinutes < 120 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalHours:0.#} h";

    private static bool Overlap(ActorFindings a, ActorFindings b) =>
        a.FirstTicks <= b.LastTicks + LinkWindow.Ticks && b.FirstTicks <= a.LastTicks + LinkWindow.Ticks;

    /// <summary>A stable id: the same actor gets the same campaign id in every run.</summary>
    private static string CampaignId(Actor actor)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(actor.ToString()));
        return "C-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
