using System.Runtime.CompilerServices;
using Parry.Core.Detections;

namespace Parry.Core.Attack;

/// <summary>
/// A rule's ATT&amp;CK tactics and techniques as <see cref="AttackTags"/> reads them from its tags, worked out once per
/// rule: a hunt raises and writes tens of thousands of detections of a few hundred rules (62,976 of ~100 for the 1 GB
/// EVTX file), and every reader of a detection (actor findings, the jsonl and csv sinks) parsed the tags and made the
/// technique strings again.
/// </summary>
public sealed class RuleAttack
{
    // Keyed by the rule object itself (RuleInfo is a record: value equality would hash every field).
    private static readonly ConditionalWeakTable<RuleInfo, RuleAttack> ByRule = new();

    private RuleAttack(RuleInfo rule)
    {
        TaggedTactics = [.. AttackTags.Tactics(rule.Tags)];
        Tactics = [.. TaggedTactics.Distinct()];
        Techniques = [.. AttackTags.Techniques(rule.Tags).Distinct()];
    }

    /// <summary>The tactics in tag order, one per tag: a tactic tagged twice is listed twice (an actor's tactic
    /// counts count tags).</summary>
    public string[] TaggedTactics { get; }

    /// <summary>The tactics in tag order, each once.</summary>
    public string[] Tactics { get; }

    /// <summary>The technique ids in tag order, each once.</summary>
    public string[] Techniques { get; }

    public static RuleAttack Of(RuleInfo rule) => ByRule.GetValue(rule, static r => new RuleAttack(r));
}
