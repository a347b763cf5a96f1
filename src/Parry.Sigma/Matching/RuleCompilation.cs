using Parry.Core.Events;
using Parry.Sigma.Conditions;
using Parry.Sigma.Matching.Matchers;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Rules;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching;

/// <summary>
/// Compiles one rule's condition and detections into a <see cref="Matcher"/> tree: fields mapped and interned once,
/// each search identifier compiled once however often the condition names it, values grouped into the cheapest
/// tests (one hash lookup for many equals, span searches for prefixes, suffixes and substrings).
/// </summary>
internal sealed class RuleCompilation(SigmaRule rule, IFieldMapping mapping, FieldTableBuilder fields, SigmaCompileOptions options)
{
    private readonly Dictionary<string, Matcher> _identifiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _fieldIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _eventFields = [];

    public IReadOnlyList<string> EventFields => _eventFields;

    public Matcher Compile() => Condition(rule.Detection.Condition);

    private Matcher Condition(ConditionNode node) => node switch
    {
        AndCondition and => And([.. and.Operands.Select(Condition)]),
        OrCondition or => Or([.. or.Operands.Select(Condition)]),
        NotCondition not => Not(Condition(not.Operand)),
        IdentifierCondition identifier => Identifier(identifier.Name),
        OfCondition { Quantifier: OfQuantifier.All } of => And([.. of.Resolved.Select(Identifier)]),
        OfCondition { Count: 1 } of => Or([.. of.Resolved.Select(Identifier)]),
        OfCondition of => new AtLeastMatcher(of.Count, [.. of.Resolved.Select(Identifier)]),
        _ => throw new InvalidOperationException($"unknown condition node {node.GetType().Name}"),
    };

    private Matcher Identifier(string name)
    {
        if (!_identifiers.TryGetValue(name, out var matcher))
        {
            matcher = Detection(rule.Detection[name]);
            _identifiers[name] = matcher;
        }
        return matcher;
    }

    private Matcher Detection(DetectionNode node) => node switch
    {
        DetectionGroup { MatchAll: true } group => And([.. group.Items.Select(Detection)]),
        DetectionGroup group => Or([.. group.Items.Select(Detection)]),
        DetectionItem item => item.Negated ? Not(Item(item)) : Item(item),
        _ => throw new InvalidOperationException($"unknown detection node {node.GetType().Name}"),
    };

    private Matcher Item(DetectionItem item)
    {
        var ids = item.Field is null ? null : Field(item.Field);
        if (item.Values is [SigmaNull])
            return new NullMatcher(ids!);
        if (item.Values is [SigmaExists exists])
            return new ExistsMatcher(ids!, exists.Exists);
        if (item.MatchAll)
            return And([.. item.Values.Select(v => Values(ids, [v]))]);
        return Values(ids, item.Values);
    }

    // The values of one item OR-ed: field references each get a matcher, every other value joins one test.
    private Matcher Values(int[]? ids, IReadOnlyList<SigmaValue> values)
    {
        // Most items hold neither expansions nor field references: their values are the test's values as they are.
        IReadOnlyList<SigmaValue> flat = values;
        var references = 0;
        // Index loops here and below: a foreach through the read-only list's interface boxes an enumerator.
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is SigmaExpansion)
            {
                flat = [.. values.SelectMany(v => v is SigmaExpansion e ? e.Alternatives : [v])];
                references = flat.Count(v => v is SigmaFieldRef);
                break;
            }
            if (value is SigmaFieldRef)
                references++;
        }
        var matchers = new List<Matcher>(1 + references);
        for (var i = 0; references > 0 && i < flat.Count; i++)
        {
            if (flat[i] is SigmaFieldRef reference)
                matchers.Add(new FieldRefMatcher(ids!, Field(reference.Field), reference.Mode, reference.Cased));
        }
        var others = references == 0 ? flat : [.. flat.Where(v => v is not SigmaFieldRef)];
        if (others.Count > 0)
        {
            var test = ValueTestBuilder.Build(others, keyword: ids is null, options.RegexTimeout);
            matchers.Add(ids is null ? new KeywordMatcher(test) : ids.Length == 0 ? ConstantMatcher.False : new FieldMatcher(ids, test));
        }
        return Or(matchers);
    }

    private int[] Field(string sigmaField)
    {
        if (_fieldIds.TryGetValue(sigmaField, out var ids))
            return ids;
        var mapped = mapping.Map(sigmaField);
        ids = new int[mapped.Count];
        for (var i = 0; i < mapped.Count; i++)
        {
            ids[i] = fields.Intern(mapped[i]);
            if (!_eventFields.Contains(mapped[i], StringComparer.OrdinalIgnoreCase))
                _eventFields.Add(mapped[i]);
        }
        _fieldIds[sigmaField] = ids;
        return ids;
    }

    private static Matcher And(List<Matcher> operands) => Combine(operands, and: true);

    private static Matcher Or(List<Matcher> operands) => Combine(operands, and: false);

    // An AND (OR) flattened: nested ANDs (ORs) give their operands, the constant that changes nothing (true under
    // AND, false under OR) is left out, and the other constant decides the whole.
    private static Matcher Combine(List<Matcher> operands, bool and)
    {
        var flat = new List<Matcher>(operands.Count);
        foreach (var operand in operands)
        {
            var nested = operand switch
            {
                AndMatcher inner when and => inner.Operands,
                OrMatcher inner when !and => inner.Operands,
                _ => null,
            };
            if (nested is null)
            {
                if (!Keep(flat, operand, and))
                    return ConstantMatcher.Of(!and);
                continue;
            }
            for (var i = 0; i < nested.Count; i++)
            {
                if (!Keep(flat, nested[i], and))
                    return ConstantMatcher.Of(!and);
            }
        }
        return flat.Count switch { 0 => ConstantMatcher.Of(and), 1 => flat[0], _ => and ? new AndMatcher(flat) : new OrMatcher(flat) };
    }

    // Adds an operand unless it is the neutral constant; false when it is the deciding one.
    private static bool Keep(List<Matcher> flat, Matcher operand, bool and)
    {
        if (operand is ConstantMatcher constant)
            return constant.Value == and;
        flat.Add(operand);
        return true;
    }

    private static Matcher Not(Matcher operand) => operand switch
    {
        NotMatcher not => not.Operand,
        ConstantMatcher constant => constant.Value ? ConstantMatcher.False : ConstantMatcher.True,
        _ => new NotMatcher(operand),
    };
}
