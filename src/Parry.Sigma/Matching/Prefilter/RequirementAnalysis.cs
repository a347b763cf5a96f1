using System.Text.RegularExpressions;
using Parry.Sigma.Matching.Matchers;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Derives a rule's necessary condition from its compiled matcher: a test's literals (with their anchors) for a
/// field; for AND the least likely operand's requirement; for OR the union of all operands' (none if any operand
/// has none); nothing under NOT. A rule without a requirement is evaluated for every event.
/// </summary>
internal static class RequirementAnalysis
{
    /// <summary>Literals shorter than this say too little to be worth indexing.</summary>
    private const int MinimumLength = 2;

    /// <summary>Most requirements kept per rule: a rule is a candidate only when all of them hold.</summary>
    public const int MaxRequirements = 2;

    /// <summary>Up to <see cref="MaxRequirements"/> necessary conditions, each independently necessary; empty
    /// when the rule has none.</summary>
    public static IReadOnlyList<LiteralRequirement> Of(Matcher matcher) => matcher switch
    {
        ConstantMatcher { Value: false } => [LiteralRequirement.Never],
        FieldMatcher field => OfTest(field.Test, field.Fields) is { } r ? [r] : [],
        KeywordMatcher keyword => OfTest(keyword.Test, [RequiredLiteral.AnyField]) is { } r ? [r] : [],
        AndMatcher and => Best(and.Operands.SelectMany(Of)),
        OrMatcher or => Either([.. or.Operands.Select(Of)]),
        AtLeastMatcher atLeast when atLeast.Count == atLeast.Operands.Count => Best(atLeast.Operands.SelectMany(Of)),
        AtLeastMatcher atLeast => Either([.. atLeast.Operands.Select(Of)]),
        _ => [],
    };

    // Every requirement of every operand of an AND is necessary: keep the least likely ones.
    private static IReadOnlyList<LiteralRequirement> Best(IEnumerable<LiteralRequirement> requirements)
    {
        var all = requirements.Distinct().ToList();
        if (all.Contains(LiteralRequirement.Never))
            return [LiteralRequirement.Never];
        return [.. all.OrderBy(r => r.Likelihood).Take(MaxRequirements)];
    }

    // (A1 and B1) or (A2 and B2) implies (A1 or A2) and (B1 or B2): union the operands' requirements rank by rank.
    // Any requirement of an operand may stand in each rank (each is necessary on its own), so an operand with one
    // requirement joins both: (A1 and B1) or C implies (A1 or C) and (B1 or C). Keeping the second rank matters
    // where the likeliest-looking literal is common in logs (Image contains '\windows\'), and the rule's other
    // selection is rare.
    private static IReadOnlyList<LiteralRequirement> Either(List<IReadOnlyList<LiteralRequirement>> operands)
    {
        if (operands.Count == 0 || operands.Any(o => o.Count == 0))
            return [];
        var ranks = operands.Max(o => o.Count);
        var result = new List<LiteralRequirement>(ranks);
        for (var rank = 0; rank < ranks; rank++)
            result.Add(LiteralRequirement.Union(operands.Select(o => o[Math.Min(rank, o.Count - 1)])));
        return result;
    }

    private static LiteralRequirement? OfTest(ValueTest test, int[] fields)
    {
        var literals = new List<(string Text, LiteralAnchor Anchor)>();
        if (!Collect(test, literals))
            return null;
        var alternatives = new List<RequiredLiteral>(literals.Count * fields.Length);
        foreach (var field in fields)
        {
            foreach (var (text, anchor) in literals)
                alternatives.Add(new RequiredLiteral(field, text, anchor));
        }
        return new LiteralRequirement(alternatives);
    }

    // Adds the literals one of which a value passing the test must contain; false when there is no such set.
    private static bool Collect(ValueTest test, List<(string, LiteralAnchor)> literals)
    {
        switch (test)
        {
            case AnyOfTest any:
                return any.Tests.All(t => Collect(t, literals));
            case EqualsTest equals:
                return Add(literals, equals.Literal, LiteralAnchor.Exact, equals.Cased);
            case EqualsAnyTest equalsAny:
                return equalsAny.Literals.All(l => Add(literals, l, LiteralAnchor.Exact, equalsAny.Cased));
            case StartsWithTest starts:
                return starts.Literals.All(l => Add(literals, l, LiteralAnchor.Start, starts.Cased));
            case EndsWithTest ends:
                return ends.Literals.All(l => Add(literals, l, LiteralAnchor.End, ends.Cased));
            case ContainsTest contains:
                return contains.Literals.All(l => Add(literals, l, LiteralAnchor.Anywhere, contains.Cased));
            case GlobTest glob:
                return GlobLiteral(glob.Pattern, literals);
            case RegexTest regex when (regex.Options & RegexOptions.IgnorePatternWhitespace) == 0:
                return RegexLiterals.Alternatives(regex.Pattern) is { Count: > 0 } required
                    && required.All(r => Add(literals, r, LiteralAnchor.Anywhere, true));
            default:
                return false;
        }
    }

    private static bool GlobLiteral(SigmaString pattern, List<(string, LiteralAnchor)> literals)
    {
        var parts = pattern.Parts;
        var best = -1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Kind == StringPartKind.Literal && (best < 0 || parts[i].Text.Length > parts[best].Text.Length))
                best = i;
        }
        if (best < 0)
            return false;
        var anchor = (best == 0, best == parts.Length - 1) switch
        {
            (true, true) => LiteralAnchor.Exact,
            (true, false) => LiteralAnchor.Start,
            (false, true) => LiteralAnchor.End,
            _ => LiteralAnchor.Anywhere,
        };
        return Add(literals, parts[best].Text, anchor, true);
    }

    private static bool Add(List<(string, LiteralAnchor)> literals, string literal, LiteralAnchor anchor, bool fold)
    {
        var text = fold ? literal.ToLowerInvariant() : literal;
        // One character says little, unless it is anchored or rare in logs (outside ASCII: emoji, homoglyphs; the
        // backtick, PowerShell's escape character, which obfuscation regexes require and plain command lines lack).
        if (text.Length < MinimumLength && !(text.Length == 1 && (anchor != LiteralAnchor.Anywhere || text[0] > 127 || text[0] == '`')))
            return false;
        literals.Add((text, anchor));
        return true;
    }
}
