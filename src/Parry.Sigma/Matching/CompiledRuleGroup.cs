using System.Buffers;
using System.Text.RegularExpressions;
using Parry.Core.Events;
using Parry.Sigma.Matching.Matchers;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Matching.ValueTests;

namespace Parry.Sigma.Matching;

/// <summary>
/// Many compiled rules that share one field table, matched together. Each rule's necessary literals (up to two
/// independent sets, see <see cref="CompiledRule.IsIndexed"/>) are indexed per field; for an event, every indexed
/// field's values are looked up once (whole-value hash, prefix and suffix tries, an Aho–Corasick scan for
/// substrings), and only the rules whose requirements all occurred, plus the few rules without any, are evaluated
/// in full. Immutable and thread-safe; <see cref="Match(Event, List{CompiledRule})"/> allocates nothing of its own.
/// </summary>
public sealed class CompiledRuleGroup
{
    private const int MaxStackWords = 128;

    private readonly CompiledRule[] _rules;

    // The rules' matchers in slot order, so evaluating a candidate loads its root from one array instead of going
    // through the rule object (a cache miss per candidate, with candidates spread over thousands of rules).
    private readonly Matcher[] _roots;
    private readonly (int Field, FieldLiteralIndex Index)[] _fields;

    // The index of each indexed field by field id (null: not indexed), so Mark walks the event's keys once instead
    // of searching them for every indexed field (twice per field: to find its value, then to find there is no other).
    private readonly FieldLiteralIndex?[] _indexOfField;
    private readonly FieldLiteralIndex? _anyValue;

    // Every keyword literal, searched for in the event's whole folded text before the keyword pass (null: too many,
    // and then the field indexes hold the keyword literals too).
    private readonly SearchValues<string>? _anyKeyword;
    private readonly ulong[] _always;
    private readonly ulong[] _single;

    // Rules that are one field equal to one integer, marked by the value's integer instead of evaluated always.
    private readonly NumberEqualsDispatch[] _numberRules;

    private CompiledRuleGroup(
        CompiledRule[] rules, (int, FieldLiteralIndex)[] fields, FieldLiteralIndex? anyValue, SearchValues<string>? anyKeyword,
        ulong[] always, ulong[] single, int alwaysCount, NumberEqualsDispatch[] numberRules)
    {
        _numberRules = numberRules;
        _anyKeyword = anyKeyword;
        _rules = rules;
        _roots = [.. rules.Select(r => r.Root)];
        _fields = fields;
        _indexOfField = new FieldLiteralIndex?[fields.Length == 0 ? 0 : fields.Max(f => f.Item1) + 1];
        foreach (var (field, index) in fields)
            _indexOfField[field] = index;
        _anyValue = anyValue;
        _always = always;
        _single = single;
        AlwaysEvaluated = alwaysCount;
    }

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>Rules without a necessary literal, evaluated for every event.</summary>
    public int AlwaysEvaluated { get; }

    /// <summary>Fields whose values are looked up in the literal index (keyword searches count as one).</summary>
    public int IndexedFields => _fields.Length + (_anyValue is null ? 0 : 1);

    /// <summary>Groups rules compiled with the same <see cref="FieldTableBuilder"/>.</summary>
    /// <exception cref="ArgumentException">The rules were compiled against different field tables.</exception>
    public static CompiledRuleGroup Create(IEnumerable<CompiledRule> rules) => Create(rules, null);

    /// <summary>As <see cref="Create(IEnumerable{CompiledRule})"/>; field indexes whose literals and rule slots equal
    /// ones in <paramref name="shared"/> (built by another group) are taken from it instead of built again.</summary>
    public static CompiledRuleGroup Create(IEnumerable<CompiledRule> rules, LiteralIndexCache? shared)
    {
        var list = rules.ToArray();
        if (list.Length > 0 && list.Any(r => !ReferenceEquals(r.Fields, list[0].Fields)))
            throw new ArgumentException("all rules of a group must be compiled with the same FieldTableBuilder", nameof(rules));
        var words = (list.Length + 63) / 64;
        var always = new ulong[words];
        var single = new ulong[words];
        var alwaysCount = 0;
        var builders = new SortedDictionary<int, FieldLiteralIndexBuilder>();
        var keywords = new List<(RequiredLiteral, LiteralHit)>();
        var numberRules = new SortedDictionary<int, List<(long Integer, LiteralHit Hit)>>();
        for (var slot = 0; slot < list.Length; slot++)
        {
            var requirements = list[slot].Requirements;
            if (requirements.Count == 0
                && list[slot].Root is FieldMatcher { Fields.Length: 1, Test: NumberEqualsTest number } field
                && number.TryGetInteger(out var integer))
            {
                if (!numberRules.TryGetValue(field.Fields[0], out var sameField))
                    numberRules[field.Fields[0]] = sameField = [];
                sameField.Add((integer, new LiteralHit(slot, 0)));
                single[slot >> 6] |= 1UL << (slot & 63);
                continue;
            }
            if (requirements.Count == 0)
            {
                always[slot >> 6] |= 1UL << (slot & 63);
                alwaysCount++;
                continue;
            }
            if (requirements.Count == 1)
                single[slot >> 6] |= 1UL << (slot & 63);
            for (var which = 0; which < requirements.Count; which++)
            {
                foreach (var literal in requirements[which].Alternatives)
                {
                    if (!builders.TryGetValue(literal.Field, out var builder))
                        builders[literal.Field] = builder = new FieldLiteralIndexBuilder();
                    builder.Add(literal, new LiteralHit(slot, which));
                    if (literal.Field == RequiredLiteral.AnyField)
                        keywords.Add((literal, new LiteralHit(slot, which)));
                }
            }
        }
        // A small set of keyword literals gets one search of the event's whole text (see Mark), and the field indexes
        // stay without them. A large set joins every field's index instead, so a value an indexed field already
        // scans is scanned once (Mark skips it in the keyword pass); only the event's other values meet the keyword
        // index alone.
        var anyKeyword = builders.TryGetValue(RequiredLiteral.AnyField, out var keywordBuilder) ? keywordBuilder.BuildAnyLiteralSearch() : null;
        if (anyKeyword is null)
        {
            foreach (var (field, builder) in builders)
            {
                if (field == RequiredLiteral.AnyField)
                    continue;
                foreach (var (literal, hit) in keywords)
                    builder.Add(literal, hit);
            }
        }
        FieldLiteralIndex? anyValue = null;
        var fields = new List<(int, FieldLiteralIndex)>();
        foreach (var (field, builder) in builders)
        {
            if (field == RequiredLiteral.AnyField)
                anyValue = builder.Build(shared);
            else
                fields.Add((field, builder.Build(shared)));
        }
        NumberEqualsDispatch[] numberDispatch =
        [
            .. numberRules.Select(f => new NumberEqualsDispatch(
                f.Key,
                f.Value.GroupBy(r => r.Integer).ToDictionary(g => g.Key, g => g.Select(r => r.Hit).ToArray()),
                [.. f.Value.Select(r => r.Hit)])),
        ];
        return new CompiledRuleGroup(list, [.. fields], anyValue, anyKeyword, always, single, alwaysCount, numberDispatch);
    }

    /// <summary>Adds to <paramref name="hits"/> every rule that matches <paramref name="e"/>, in group order.</summary>
    /// <exception cref="RuleMatchException">A rule could not be evaluated (a regular expression timed out).</exception>
    public void Match(Event e, List<CompiledRule> hits) => Match(e, hits, null);

    /// <summary>As <see cref="Match(Event, List{CompiledRule})"/>; a rule that cannot be evaluated is added to
    /// <paramref name="errors"/> (when given) and counts as not matched.</summary>
    public void Match(Event e, List<CompiledRule> hits, List<RuleMatchError>? errors)
    {
        var words = _always.Length;
        if (words == 0)
            return;
        var bits = words > MaxStackWords ? new ulong[2 * words] : stackalloc ulong[2 * words];
        bits.Clear();
        var marks = new CandidateMarks(bits, words);
        Mark(e, marks);
        var first = marks.First;
        var second = marks.Second;
        for (var word = 0; word < words; word++)
        {
            var candidates = _always[word] | (first[word] & (second[word] | _single[word]));
            while (candidates != 0)
            {
                var slot = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(candidates);
                candidates &= candidates - 1;
                bool matched;
                try
                {
                    matched = _roots[slot].Matches(e);
                }
                catch (RegexMatchTimeoutException timeout)
                {
                    // As CompiledRule.Matches: thrown as the rule's failure, or reported and counted as not matched.
                    var failure = _rules[slot].TimedOut(e, timeout);
                    if (errors is null)
                        throw failure;
                    errors.Add(new RuleMatchError(_rules[slot].Info, e.Origin, failure.Message));
                    continue;
                }
                if (matched)
                    hits.Add(_rules[slot]);
            }
        }
    }

    /// <summary>The rules the literal index keeps as candidates for the event (for measurement and tests).</summary>
    internal IEnumerable<CompiledRule> Candidates(Event e)
    {
        var words = _always.Length;
        var bits = new ulong[2 * words];
        Mark(e, new CandidateMarks(bits, words));
        var result = new List<CompiledRule>();
        for (var slot = 0; slot < _rules.Length; slot++)
        {
            var word = slot >> 6;
            var candidates = _always[word] | (bits[word] & (bits[words + word] | _single[word]));
            if ((candidates & (1UL << (slot & 63))) != 0)
                result.Add(_rules[slot]);
        }
        return result;
    }

    /// <summary>Only the literal lookups of <see cref="Match(Event, List{CompiledRule})"/> (for measurement).</summary>
    internal void MarkForTest(Event e, ulong[] bits)
    {
        Array.Clear(bits);
        Mark(e, new CandidateMarks(bits, _always.Length));
    }

    internal IEnumerable<string> DescribeIndex(FieldTable table) =>
        _fields.Select(f => $"{table.NameOf(f.Field)}: {f.Index.Describe()}")
            .Concat(_anyValue is null ? [] : [$"(keywords): {_anyValue.Describe()}"]);

    private void Mark(Event e, CandidateMarks marks)
    {
        foreach (var numberRules in _numberRules)
            numberRules.Mark(e, marks);
        var keys = e.FieldIds;
        var indexOfField = _indexOfField;
        if (_anyValue is null || _anyKeyword is not null)
        {
            for (var position = 0; position < keys.Length; position++)
            {
                var field = keys[position];
                if ((uint)field < (uint)indexOfField.Length && indexOfField[field] is { } index
                    && e.ValueAtKey(position) is { IsScalar: true } value)
                    index.Mark(value.FoldedText, marks);
            }
            if (_anyValue is null)
                return;
            // A value holds a keyword literal only if the record's text does: one vectorised search of the whole
            // folded text (names too, so it may find one no value holds) instead of one per value; most events hold
            // none. Only then, or for a record with non-ASCII text, is every value searched.
            if (e.TryGetFoldedWholeText(out var whole) && whole.IndexOfAny(_anyKeyword!) < 0)
                return;
            foreach (var value in e.AllValues())
                _anyValue.Mark(value.FoldedText, marks);
            return;
        }
        // Every field index also holds the keyword literals (see Create): remember the values they scanned.
        var nodeWords = (e.NodeCount + 63) >> 6;
        var scanned = nodeWords > MaxStackWords ? new ulong[nodeWords] : stackalloc ulong[nodeWords];
        scanned.Clear();
        for (var position = 0; position < keys.Length; position++)
        {
            var field = keys[position];
            if ((uint)field < (uint)indexOfField.Length && indexOfField[field] is { } index
                && e.ValueAtKey(position) is { IsScalar: true } value)
            {
                var node = value.NodeIndex;
                scanned[node >> 6] |= 1UL << (node & 63);
                index.Mark(value.FoldedText, marks);
            }
        }
        foreach (var value in e.AllValues())
        {
            var node = value.NodeIndex;
            if ((scanned[node >> 6] & (1UL << (node & 63))) == 0)
                _anyValue.Mark(value.FoldedText, marks);
        }
    }
}
