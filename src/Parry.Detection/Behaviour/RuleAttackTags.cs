using System.Runtime.CompilerServices;
using Parry.Core.Attack;
using Parry.Core.Detections;

namespace Parry.Detection.Behaviour;

/// <summary>
/// A rule's ATT&amp;CK tactics and techniques as <see cref="AttackTags"/> reads them from its tags (in tag order,
/// repeats kept), read once per rule: an actor's findings take them from every detection, and a hunt raises tens of
/// thousands of detections of a few hundred rules (62,976 of ~100 for the 1 GB EVTX file), each of which parsed the
/// tags and made the technique strings again.
/// </summary>
internal sealed class RuleAttackTags
{
    // Keyed by the rule object itself (RuleInfo is a record: value equality would hash every field).
    private static readonly ConditionalWeakTable<RuleInfo, RuleAttackTags> ByRule = new();

    private RuleAttackTags(RuleInfo rule)
    {
        Tactics = [.. AttackTags.Tactics(rule.Tags)];
        Techniques = [.. AttackTags.Techniques(rule.Tags)];
    }

    public string[] Tactics { get; }

    public string[] Techniques { get; }

    public static RuleAttackTags Of(RuleInfo rule) => ByRule.GetValue(rule, static r => new RuleAttackTags(r));
}
