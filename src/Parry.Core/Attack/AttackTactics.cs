namespace Parry.Core.Attack;

/// <summary>
/// The ATT&amp;CK enterprise tactics by their short names, in the kill-chain order ATT&amp;CK lists them. Tags in
/// Sigma rules name tactics with underscores or hyphens (<c>attack.credential_access</c>,
/// <c>attack.credential-access</c>); both mean the same tactic.
/// </summary>
public static class AttackTactics
{
    public static readonly IReadOnlyList<string> InOrder =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
        "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact",
    ];

    private static readonly Dictionary<string, int> Rank =
        InOrder.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>The canonical short name for <paramref name="name"/> (any case, '_' or '-'), or null.</summary>
    public static string? Normalise(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[32];
        if (name.Length > buffer.Length)
            return null;
        for (var i = 0; i < name.Length; i++)
            buffer[i] = name[i] == '_' ? '-' : char.ToLowerInvariant(name[i]);
        var lookup = Rank.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(buffer[..name.Length], out var rank) ? InOrder[rank] : null;
    }

    /// <summary>Position of a tactic in the kill chain; -1 for an unknown name.</summary>
    public static int OrderOf(string tactic) => Rank.TryGetValue(tactic, out var rank) ? rank : -1;
}
