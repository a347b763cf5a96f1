namespace Parry.Agents.Attack;

/// <summary>One ATT&amp;CK tactic and technique a finding stands for, e.g. <c>discovery/T1046</c>.</summary>
public readonly record struct AttackMapping(string Tactic, string Technique)
{
    /// <summary>The Sigma tag of the technique: <c>attack.t1046</c>.</summary>
    public string TechniqueTag => "attack." + Technique.ToLowerInvariant();

    /// <summary>The Sigma tag of the tactic: <c>attack.discovery</c>.</summary>
    public string TacticTag => "attack." + Tactic;

    public override string ToString() => $"{Tactic}/{Technique}";

    /// <summary>Parses <c>tactic/Tnnnn</c> or <c>tactic/Tnnnn.nnn</c>; the tactic must be an ATT&amp;CK short name.</summary>
    public static bool TryParse(string text, out AttackMapping mapping, out string? problem)
    {
        mapping = default;
        var slash = text.IndexOf('/');
        if (slash <= 0)
        {
            problem = $"'{text}' is not tactic/technique";
            return false;
        }
        var tactic = text[..slash].Trim();
        var technique = text[(slash + 1)..].Trim();
        if (!AttackTactics.IsKnown(tactic))
        {
            problem = $"'{tactic}' is not an ATT&CK tactic short name";
            return false;
        }
        if (!IsTechniqueId(technique))
        {
            problem = $"'{technique}' is not an ATT&CK technique id (Tnnnn or Tnnnn.nnn)";
            return false;
        }
        mapping = new AttackMapping(tactic, technique);
        problem = null;
        return true;
    }

    private static bool IsTechniqueId(string id)
    {
        if (id.Length is not (5 or 9) || id[0] != 'T')
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
