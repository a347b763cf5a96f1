using System.Runtime.CompilerServices;
using Parry.Core.Attack;
using Parry.Core.Detections;

namespace Parry.Output.Json;

/// <summary>
/// A rule's ATT&amp;CK tactics and techniques as a detection lists them, worked out once per rule: a hunt writes
/// thousands of detections of the same few rules (62,976 of ~100 rules for the 1 GB EVTX file), and each paid for
/// the tag parsing, the technique strings and a <c>Distinct</c> set again.
/// </summary>
internal sealed class RuleAttackNames
{
    // Keyed by the rule object itself (RuleInfo is a record: value equality would hash every field).
    private static readonly ConditionalWeakTable<RuleInfo, RuleAttackNames> ByRule = new();

    private RuleAttackNames(RuleInfo rule)
    {
        Tactics = [.. AttackTags.Tactics(rule.Tags).Distinct()];
        Techniques = [.. AttackTags.Techniques(rule.Tags).Distinct()];
    }

    public string[] Tactics { get; }

    public string[] Techniques { get; }

    public static RuleAttackNames Of(RuleInfo rule) => ByRule.GetValue(rule, static r => new RuleAttackNames(r));
}
