using Parry.Core.Actors;
using Parry.Core.Attack;
using Parry.Core.Detections;

namespace Parry.Detection.Behaviour;

/// <summary>
/// What an actor's detections say: how many, how severe, which tactics (first time, count, example rule) and
/// techniques, which targets and sources, and which other actors appeared with it. Kept only for actors that raised
/// detections, so it may be richer than <see cref="ActorState"/>.
/// </summary>
internal sealed class ActorFindings(Actor actor, ulong key, int maxTargets)
{
    public sealed class TacticRecord(long firstTicks, string exampleRule)
    {
        public long FirstTicks { get; private set; } = firstTicks;
        public string ExampleRule { get; private set; } = exampleRule;
        public int Count { get; set; }

        /// <summary>Keeps the earliest detection: correlation detections come out after the reorder buffer's
        /// lateness, so they can arrive after later base-rule detections of the same tactic.</summary>
        public void Seen(long ticks, string rule)
        {
            Count++;
            if (ticks < FirstTicks)
            {
                FirstTicks = ticks;
                ExampleRule = rule;
            }
        }
    }

    public Actor Actor { get; } = actor;

    public ulong Key { get; } = key;

    public int Detections { get; private set; }

    public Level MaxLevel { get; private set; }

    public long FirstTicks { get; private set; } = long.MaxValue;

    public long LastTicks { get; private set; } = long.MinValue;

    public Dictionary<string, TacticRecord> Tactics { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Techniques { get; } = new(StringComparer.Ordinal);

    public List<string> Targets { get; } = [];

    public HashSet<ulong> TargetKeys { get; } = [];

    public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);

    public HashSet<Actor> CoActors { get; } = [];

    public HashSet<string> Rules { get; } = new(StringComparer.Ordinal);

    // The source added last: already in Sources.
    private string? _lastSource;

    public void Add(Core.Detections.Detection detection, in Activity activity, string source)
    {
        Detections++;
        if (Detections == 1 || detection.Rule.Level > MaxLevel)
            MaxLevel = detection.Rule.Level;
        var ticks = activity.Ticks;
        FirstTicks = Math.Min(FirstTicks, ticks);
        LastTicks = Math.Max(LastTicks, ticks);
        Rules.Add(detection.Rule.Id);
        // Decoders give all their events one kind string: an actor's detections mostly repeat the last source.
        if (!ReferenceEquals(source, _lastSource))
        {
            Sources.Add(source);
            _lastSource = source;
        }
        var attack = RuleAttack.Of(detection.Rule);
        foreach (var tactic in attack.TaggedTactics)
        {
            if (!Tactics.TryGetValue(tactic, out var record))
                Tactics[tactic] = record = new TacticRecord(ticks, detection.Rule.Title);
            record.Seen(ticks, detection.Rule.Title);
        }
        foreach (var technique in attack.Techniques)
            Techniques.Add(technique);
        if (activity.Target is { Length: > 0 } target && TargetKeys.Add(activity.TargetHash) && Targets.Count < maxTargets)
            Targets.Add(target);
    }

    /// <summary>Tactics ordered by first appearance (ties in kill-chain order).</summary>
    public IEnumerable<KeyValuePair<string, TacticRecord>> TacticsInOrder() =>
        Tactics.OrderBy(t => t.Value.FirstTicks).ThenBy(t => AttackTactics.OrderOf(t.Key));
}
