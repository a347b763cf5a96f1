using Parry.Sigma.Conditions;
using Parry.Sigma.Modifiers;
using Parry.Sigma.Rules;
using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>
/// Reads a <c>detection</c> section (or a filter's <c>filter</c> section): search identifiers built from maps
/// (AND), lists of maps (OR) and keyword lists, each item's modifiers applied at load, then the condition parsed
/// against the identifiers.
/// </summary>
internal sealed class DetectionParser(PlaceholderTable placeholders)
{
    /// <summary>Most values and nodes one rule may hold, so YAML aliases cannot multiply a small file into a huge rule.</summary>
    public const int MaxNodesPerRule = 200_000;

    private const int MaxListDepth = 16;

    private int _nodes;

    /// <param name="reserved">Keys of the section that are not search identifiers (<c>condition</c>, and
    /// <c>rules</c> in a filter).</param>
    public SigmaDetection Parse(YamlMaps section, IReadOnlySet<string> reserved)
    {
        var identifiers = new List<KeyValuePair<string, DetectionNode>>();
        foreach (var (name, node) in section.Entries)
        {
            if (reserved.Contains(name) || name == "timeframe")
                continue;
            identifiers.Add(new(name, SearchIdentifier(name, node, 0)));
        }
        if (identifiers.Count == 0)
            throw new SigmaParseException(section.Location, RejectionCategories.EmptyDetection, "the detection defines no search identifier");

        var conditionNode = section.Node("condition")
            ?? throw new SigmaParseException(section.Location, RejectionCategories.MissingAttribute, "the detection has no 'condition'");
        var texts = new List<(string Text, RuleYamlScalar Node)>();
        switch (conditionNode)
        {
            case RuleYamlScalar scalar:
                texts.Add((scalar.Value, scalar));
                break;
            case RuleYamlSequence sequence when sequence.Items.Length > 0:
                foreach (var item in sequence.Items)
                {
                    if (item is not RuleYamlScalar itemScalar)
                        throw new SigmaParseException(item.Start, RejectionCategories.ConditionSyntax, "a condition list holds condition strings only");
                    texts.Add((itemScalar.Value, itemScalar));
                }
                break;
            default:
                throw new SigmaParseException(conditionNode.Start, RejectionCategories.ConditionSyntax, "'condition' must be a string or a list of strings");
        }

        var names = identifiers.Select(p => p.Key).ToList();
        var parsed = new List<ConditionNode>(texts.Count);
        foreach (var (text, node) in texts)
        {
            try
            {
                parsed.Add(ConditionParser.Parse(text, names));
            }
            catch (ConditionSyntaxException e)
            {
                throw new SigmaParseException(ConditionLocation(node, e.Position), e.Category, $"condition '{Shorten(text)}': {e.Message}");
            }
        }
        var condition = parsed.Count == 1 ? parsed[0] : new OrCondition(parsed);
        return new SigmaDetection(identifiers, condition, [.. texts.Select(t => t.Text)]);
    }

    private DetectionNode SearchIdentifier(string name, RuleYamlNode node, int depth)
    {
        Count(node);
        var at = node.Start;
        switch (node)
        {
            case RuleYamlMap map:
                return Map(name, map);
            case RuleYamlSequence sequence:
                if (sequence.Items.Length == 0)
                    throw new SigmaParseException(at, RejectionCategories.EmptyDetection, $"search identifier '{name}' is an empty list");
                if (AllScalars(sequence))
                    return Item(name, null, sequence);
                if (depth >= MaxListDepth)
                    throw new SigmaParseException(at, RejectionCategories.InvalidDetection, $"search identifier '{name}' nests lists deeper than {MaxListDepth} levels");
                var alternatives = new List<DetectionNode>(sequence.Items.Length);
                foreach (var child in sequence.Items)
                {
                    alternatives.Add(child is RuleYamlScalar scalar
                        ? Item(name, null, scalar)
                        : SearchIdentifier(name, child, depth + 1));
                }
                return new DetectionGroup(false, alternatives, at);
            case RuleYamlScalar scalar:
                return Item(name, null, scalar);
            default:
                throw new SigmaParseException(at, RejectionCategories.InvalidDetection, $"search identifier '{name}' must be a map, a list or a value");
        }
    }

    private DetectionGroup Map(string name, RuleYamlMap map)
    {
        var at = map.Start;
        if (map.Count == 0)
            throw new SigmaParseException(at, RejectionCategories.EmptyDetection, $"search identifier '{name}' is an empty map");
        var items = new List<DetectionNode>(map.Count);
        for (var i = 0; i < map.Count; i++)
        {
            var key = map.Keys[i];
            if (key is not RuleYamlScalar { Value: var keyText })
                throw new SigmaParseException(key.Start, RejectionCategories.InvalidDetection, $"search identifier '{name}': field names must be strings");
            items.Add(Item(name, keyText, map.Values[i], key.Start));
        }
        return new DetectionGroup(true, items, at);
    }

    // One `Field|modifiers: values` entry, or keywords (key null, or a key that is only modifiers: '|all').
    private DetectionItem Item(string identifier, string? key, RuleYamlNode valueNode, SourceLocation? keyAt = null)
    {
        var at = keyAt ?? valueNode.Start;
        string? field = null;
        // Most items name a field without modifiers: they need no split and no array.
        (Modifier, string)[] modifiers = [];
        if (key is not null && !key.Contains('|'))
        {
            field = key.Length == 0 ? null : key;
        }
        else if (key is not null)
        {
            var parts = key.Split('|');
            modifiers = new (Modifier, string)[parts.Length - 1];
            field = parts[0].Length == 0 ? null : parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                var name = parts[i];
                if (!ModifierNames.TryParse(name, out var modifier))
                    throw new SigmaParseException(at, RejectionCategories.UnknownModifier,
                        $"'{key}': unknown modifier '{name}' (known: {ModifierNames.Known})");
                modifiers[i - 1] = (modifier, name);
            }
        }

        RawScalar[] raw;
        switch (valueNode)
        {
            case RuleYamlScalar scalar:
                raw = [RawScalar.From(scalar)];
                break;
            case RuleYamlSequence sequence:
                raw = new RawScalar[sequence.Items.Length];
                for (var i = 0; i < raw.Length; i++)
                {
                    var child = sequence.Items[i];
                    Count(child);
                    if (child is not RuleYamlScalar childScalar)
                        throw new SigmaParseException(child.Start, RejectionCategories.InvalidDetection,
                            $"search identifier '{identifier}': '{key}' holds a list inside its value list; values must be plain values");
                    raw[i] = RawScalar.From(childScalar);
                }
                break;
            default:
                throw new SigmaParseException(valueNode.Start, RejectionCategories.InvalidDetection,
                    $"search identifier '{identifier}': the value of '{key}' cannot be a map");
        }
        return ModifierPipeline.Build(field, modifiers, raw, placeholders, at);
    }

    private static bool AllScalars(RuleYamlSequence sequence)
    {
        foreach (var item in sequence.Items)
        {
            if (item is not RuleYamlScalar)
                return false;
        }
        return true;
    }

    private void Count(RuleYamlNode node)
    {
        if (++_nodes > MaxNodesPerRule)
            throw new SigmaParseException(node.Start, RejectionCategories.RuleTooLarge,
                $"the detection holds more than {MaxNodesPerRule} values");
    }

    // Where inside the rule file a position of the condition text is: exact for one-line scalars.
    private static SourceLocation ConditionLocation(RuleYamlScalar node, int position)
    {
        var start = node.Start;
        var text = node.Value;
        if (start.Line != node.EndLine || text.Contains('\n'))
            return start;
        var quote = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return start with { Column = start.Column + quote + position };
    }

    private static string Shorten(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : text[..117].ReplaceLineEndings(" ") + "…";
}
