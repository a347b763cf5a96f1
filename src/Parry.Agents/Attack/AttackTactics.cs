using System.Collections.Frozen;

namespace Parry.Agents.Attack;

/// <summary>The ATT&amp;CK Enterprise tactics by the short names CONTRACT.md uses, in kill-chain order.</summary>
public static class AttackTactics
{
    public static readonly IReadOnlyList<string> All =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
        "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact",
    ];

    private static readonly FrozenDictionary<string, int> Order =
        All.Select((name, index) => (name, index)).ToFrozenDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

    public static bool IsKnown(string tactic) => Order.ContainsKey(tactic);

    /// <summary>Position in the kill chain, for ordering tactics; -1 for an unknown name.</summary>
    public static int OrderOf(string tactic) => Order.TryGetValue(tactic, out var index) ? index : -1;
}
