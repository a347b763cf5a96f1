namespace Parry.Core.Attack;

/// <summary>Reads ATT&amp;CK tactics and techniques out of Sigma tags (<c>attack.execution</c>,
/// <c>attack.t1059.001</c>).</summary>
public static class AttackTags
{
    public static IEnumerable<string> Tactics(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase)
                && AttackTactics.Normalise(tag.AsSpan("attack.".Length)) is { } tactic)
                yield return tactic;
        }
    }

    /// <summary>Technique ids in ATT&amp;CK's spelling: <c>T1059</c>, <c>T1059.001</c>.</summary>
    public static IEnumerable<string> Techniques(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (!tag.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase))
                continue;
            var id = tag.AsSpan("attack.".Length);
            if (id.Length >= 5 && char.IsAsciiDigit(id[1]) && IsTechniqueId(id))
                yield return "T" + id[1..].ToString().ToUpperInvariant();
        }
    }

    private static bool IsTechniqueId(ReadOnlySpan<char> id)
    {
        // t + 4 digits, optionally . + 3 digits
        if (id.Length != 5 && id.Length != 9)
            return false;
        for (var i = 1; i < 5; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
                return false;
        }
        if (id.Length == 5)
            return true;
        return id[5] == '.' && char.IsAsciiDigit(id[6]) && char.IsAsciiDigit(id[7]) && char.IsAsciiDigit(id[8]);
    }
}
