using System.Text.RegularExpressions;
using Parry.Sigma.Loading;
using Parry.Sigma.Rules;
using Parry.Sigma.Values;

namespace Parry.Sigma.Modifiers;

/// <summary>
/// Applies a detection item's modifiers to its values at load, in the order written, the way pySigma does:
/// wildcards for contains/startswith/endswith, encodings, windash permutations, placeholder expansion, and typed
/// values for re, cidr, exists, comparisons, field references and date parts. Anything that cannot be honoured
/// throws a <see cref="SigmaParseException"/> naming the modifier and the reason.
/// </summary>
internal sealed class ModifierPipeline
{
    /// <summary>Most values one item may expand to (windash 5^n, placeholders' products).</summary>
    public const int MaxValuesPerItem = 10_000;

    private readonly string? _field;
    // Arrays, not read-only lists: enumerating a list through its interface allocated an enumerator per item.
    private readonly (Modifier Kind, string Name)[] _modifiers;
    private readonly PlaceholderTable _placeholders;
    private readonly SourceLocation _at;
    private readonly List<Modifier> _applied = [];
    private List<Working> _values = [];
    private bool _all;
    private bool _negated;

    private ModifierPipeline(string? field, (Modifier, string)[] modifiers, PlaceholderTable placeholders, SourceLocation at)
    {
        _field = field;
        _modifiers = modifiers;
        _placeholders = placeholders;
        _at = at;
    }

    // A value on its way through the modifiers; ByteText: its text holds one char per byte (after utf16*).
    private readonly record struct Working(SigmaValue Value, bool ByteText);

    public static DetectionItem Build(
        string? field, (Modifier Kind, string Name)[] modifiers, RawScalar[] raw,
        PlaceholderTable placeholders, SourceLocation at) =>
        new ModifierPipeline(field, modifiers, placeholders, at).Run(raw);

    private DetectionItem Run(RawScalar[] raw)
    {
        var names = new List<string>(_modifiers.Length);
        foreach (var (_, name) in _modifiers)
            names.Add(name);
        if (raw.Length == 0)
            throw Fail(RejectionCategories.InvalidValue, "the value list is empty");
        foreach (var scalar in raw)
        {
            if (scalar.IsNull)
                return NullItem(raw, names);
        }
        if (Has(Modifier.Exists))
            return ExistsItem(raw, names);
        if (Has(Modifier.All) && raw.Length < 2)
            throw Fail(RejectionCategories.AllWithSingleValue,
                "'all' needs a list of two or more values; for one value drop 'all' (to test the field twice, use another selection)");
        if (_field is null && _modifiers.FirstOrDefault(m => NeedsField(m.Kind)) is { Name: not null } fieldOnly)
            throw Fail(RejectionCategories.InvalidModifierCombination, $"'{fieldOnly.Name}' needs a field; it cannot apply to keywords");

        var regex = Has(Modifier.Re);
        var expand = Has(Modifier.Expand);
        foreach (var scalar in raw)
        {
            if (regex)
            {
                if (scalar.Number is not null)
                    throw Fail(RejectionCategories.InvalidValue, $"'re' needs a string but {scalar.Text} is a number; quote the pattern");
                _values.Add(new Working(SigmaString.FromLiteral(scalar.Text), false));
            }
            else if (scalar.Number is { } number)
            {
                _values.Add(new Working(number, false));
            }
            else
            {
                _values.Add(new Working(SigmaString.Parse(scalar.Text, expand), false));
            }
        }

        foreach (var (kind, name) in _modifiers)
        {
            Apply(kind, name);
            _applied.Add(kind);
        }

        var values = new List<SigmaValue>(_values.Count);
        var total = 0;
        foreach (var working in _values)
        {
            values.Add(working.Value);
            total += working.Value is SigmaExpansion e ? e.Alternatives.Count : 1;
        }
        if (total > MaxValuesPerItem)
            throw Fail(RejectionCategories.ExpansionTooLarge, $"the modifiers expand the values to {total} strings; at most {MaxValuesPerItem} are allowed");
        if (regex)
        {
            foreach (var regexValue in values.SelectMany(Flatten).OfType<SigmaRegex>())
                CheckRegex(regexValue);
        }
        return new DetectionItem(_field, names, values, _all, _negated, _at);
    }

    private void Apply(Modifier kind, string name)
    {
        switch (kind)
        {
            case Modifier.All:
                _all = true;
                break;
            case Modifier.Neq:
                _negated = true;
                break;
            case Modifier.Contains or Modifier.StartsWith or Modifier.EndsWith:
                Map(name, (value, bytes) => Wrap(kind, name, value, bytes));
                break;
            case Modifier.Re:
                FirstValueModifier(name);
                Map(name, (value, _) => One(new SigmaRegex(((SigmaString)value).PlainText, RegexOptions.None)));
                break;
            case Modifier.IgnoreCase or Modifier.Multiline or Modifier.DotAll:
                var option = kind switch
                {
                    Modifier.IgnoreCase => RegexOptions.IgnoreCase,
                    Modifier.Multiline => RegexOptions.Multiline,
                    _ => RegexOptions.Singleline,
                };
                Map(name, (value, _) => value is SigmaRegex regex
                    ? One(regex.WithOption(option))
                    : throw Fail(RejectionCategories.InvalidModifierCombination, $"'{name}' is a flag of 're' and must follow it (re|{name})"));
                break;
            case Modifier.Cased:
                Map(name, (value, bytes) => value switch
                {
                    SigmaString s => One(s.AsCased(), bytes),
                    SigmaNumber n => One(SigmaString.FromLiteral(n.Text).AsCased()),
                    SigmaFieldRef f => One(f.AsCased()),
                    _ => throw Incompatible(name, value),
                });
                break;
            case Modifier.Base64 or Modifier.Base64Offset:
                Map(name, (value, bytes) => Base64(kind, name, value, bytes));
                break;
            case Modifier.Utf16Le or Modifier.Utf16Be or Modifier.Utf16:
                Map(name, (value, bytes) => Utf16(kind, name, value, bytes));
                break;
            case Modifier.Windash:
                Map(name, (value, bytes) => Windash(name, value, bytes));
                break;
            case Modifier.Cidr:
                FirstValueModifier(name);
                Map(name, (value, _) =>
                {
                    var text = value is SigmaNumber n ? n.Text : ((SigmaString)value).PlainText;
                    return SigmaCidr.TryParse(text, out var cidr)
                        ? One(cidr!)
                        : throw Fail(RejectionCategories.InvalidCidr, $"'{text}' is not an IPv4 or IPv6 network (such as 10.0.0.0/8 or fe80::/10)");
                });
                break;
            case Modifier.Lt or Modifier.Lte or Modifier.Gt or Modifier.Gte:
                Map(name, (value, _) => One(new SigmaCompare(CompareOf(kind), NumberOf(name, value))));
                break;
            case Modifier.Minute or Modifier.Hour or Modifier.Day or Modifier.Week or Modifier.Month or Modifier.Year:
                Map(name, (value, _) => One(TimePart(kind, name, value)));
                break;
            case Modifier.FieldRef:
                FirstValueModifier(name);
                Map(name, (value, _) => value is SigmaString { IsPlain: true } s && s.PlainText.Length > 0
                    ? One(new SigmaFieldRef(s.PlainText, FieldRefMode.Equals, false))
                    : throw Fail(RejectionCategories.InvalidValue, $"'fieldref' needs a field name without wildcards, not '{value}'"));
                break;
            case Modifier.Expand:
                Map(name, (value, bytes) => Expand(name, value, bytes));
                break;
            default:
                throw Fail(RejectionCategories.InvalidModifierCombination, $"'{name}' cannot be used here");
        }
    }

    private (IReadOnlyList<SigmaValue>, bool) Wrap(Modifier kind, string name, SigmaValue value, bool bytes)
    {
        if (value is SigmaNumber number)
            value = SigmaString.FromLiteral(number.Text);
        switch (value)
        {
            case SigmaString s:
                if (kind != Modifier.StartsWith)
                    s = s.WithLeadingAnyChars();
                if (kind != Modifier.EndsWith)
                    s = s.WithTrailingAnyChars();
                return One(s, bytes);
            case SigmaRegex:
                // A regular expression is searched anywhere in the value already; wrapping it in .* changes nothing.
                return One(value, bytes);
            case SigmaFieldRef reference:
                return One(reference.With(kind switch
                {
                    Modifier.Contains => FieldRefMode.Contains,
                    Modifier.StartsWith => FieldRefMode.StartsWith,
                    _ => FieldRefMode.EndsWith,
                }));
            default:
                throw Incompatible(name, value);
        }
    }

    private (IReadOnlyList<SigmaValue>, bool) Base64(Modifier kind, string name, SigmaValue value, bool bytes)
    {
        var text = PlainString(name, value, "Base64 of a value with wildcards cannot be matched; drop the wildcards (apply contains after base64)");
        var data = ByteText.ToBytes(text, bytes);
        if (kind == Modifier.Base64)
            return One(SigmaString.FromLiteral(Base64Variants.Encode(data)));
        var variants = Base64Variants.Offsets(data);
        if (variants.Count == 0)
            throw Fail(RejectionCategories.InvalidValue, $"'{name}' of an empty value matches nothing");
        return ([.. variants.Select(SigmaString.FromLiteral)], false);
    }

    private (IReadOnlyList<SigmaValue>, bool) Utf16(Modifier kind, string name, SigmaValue value, bool bytes)
    {
        if (bytes)
            throw Fail(RejectionCategories.InvalidModifierCombination, $"'{name}' after another UTF-16 modifier encodes twice");
        var s = AsString(name, value);
        Func<string, string> encode = kind == Modifier.Utf16Be ? ByteText.Utf16Be : ByteText.Utf16Le;
        var encoded = s.MapLiterals(encode);
        if (kind == Modifier.Utf16)
            encoded = SigmaString.Create([StringPart.Literal("\u00FF\u00FE"), .. encoded.Parts], s.Cased);
        return One(encoded, true);
    }

    private (IReadOnlyList<SigmaValue>, bool) Windash(string name, SigmaValue value, bool bytes)
    {
        var s = AsString(name, value);
        try
        {
            return (WindashPermutations.Expand(s, MaxValuesPerItem), bytes);
        }
        catch (InvalidOperationException)
        {
            throw Fail(RejectionCategories.ExpansionTooLarge, $"'windash' on '{s}' yields more than {MaxValuesPerItem} permutations");
        }
    }

    private (IReadOnlyList<SigmaValue>, bool) Expand(string name, SigmaValue value, bool bytes)
    {
        if (value is SigmaRegex)
            throw Fail(RejectionCategories.InvalidModifierCombination, "'expand' inside a regular expression is not supported; list the values instead");
        if (value is not SigmaString s || !s.HasPlaceholders)
            return One(value, bytes);
        var missing = s.Parts.Where(p => p.Kind == StringPartKind.Placeholder && !_placeholders.TryGetValues(p.Text, out _))
            .Select(p => $"%{p.Text}%").Distinct().ToList();
        if (missing.Count > 0)
            throw Fail(RejectionCategories.UnresolvedPlaceholder,
                $"placeholder {string.Join(", ", missing)} has no values; give a placeholder table that defines it");
        var results = new List<List<StringPart>> { new() };
        foreach (var part in s.Parts)
        {
            if (part.Kind != StringPartKind.Placeholder)
            {
                foreach (var result in results)
                    result.Add(part);
                continue;
            }
            _placeholders.TryGetValues(part.Text, out var replacements);
            if (replacements.Count == 0)
                throw Fail(RejectionCategories.UnresolvedPlaceholder, $"placeholder %{part.Text}% has an empty list of values");
            var next = new List<List<StringPart>>();
            foreach (var replacement in replacements)
            {
                var parsed = SigmaString.Parse(replacement);
                foreach (var result in results)
                {
                    if (next.Count >= MaxValuesPerItem)
                        throw Fail(RejectionCategories.ExpansionTooLarge, $"'{name}' yields more than {MaxValuesPerItem} values");
                    next.Add([.. result, .. parsed.Parts]);
                }
            }
            results = next;
        }
        return ([.. results.Select(parts => SigmaString.Create(parts, s.Cased))], bytes);
    }

    private SigmaTimePart TimePart(Modifier kind, string name, SigmaValue value)
    {
        var unit = kind switch
        {
            Modifier.Minute => TimePartUnit.Minute,
            Modifier.Hour => TimePartUnit.Hour,
            Modifier.Day => TimePartUnit.Day,
            Modifier.Week => TimePartUnit.Week,
            Modifier.Month => TimePartUnit.Month,
            _ => TimePartUnit.Year,
        };
        var (low, high) = unit switch
        {
            TimePartUnit.Minute => (0, 59),
            TimePartUnit.Hour => (0, 23),
            TimePartUnit.Day => (1, 31),
            TimePartUnit.Week => (1, 53),
            TimePartUnit.Month => (1, 12),
            _ => (1, 9999),
        };
        if (value is not SigmaNumber { IsInteger: true } number || number.Value < low || number.Value > high)
            throw Fail(RejectionCategories.InvalidValue, $"'{name}' needs a whole number from {low} to {high}, not '{value}'");
        return new SigmaTimePart(unit, (int)number.Value);
    }

    private double NumberOf(string name, SigmaValue value) => value switch
    {
        SigmaNumber n => n.Value,
        SigmaString { IsPlain: true } s when SigmaNumber.TryParse(s.PlainText.Trim(), out var parsed) => parsed!.Value,
        _ => throw Fail(RejectionCategories.InvalidValue, $"'{name}' compares numbers; '{value}' is not a number"),
    };

    private static CompareOperator CompareOf(Modifier kind) => kind switch
    {
        Modifier.Gt => CompareOperator.GreaterThan,
        Modifier.Gte => CompareOperator.GreaterOrEqual,
        Modifier.Lt => CompareOperator.LessThan,
        _ => CompareOperator.LessOrEqual,
    };

    private DetectionItem NullItem(IReadOnlyList<RawScalar> raw, List<string> names)
    {
        if (raw.Count > 1)
            throw Fail(RejectionCategories.NullInValueList,
                "null cannot be part of a value list; test it in a selection of its own (FieldB: null) and combine in the condition");
        if (_field is null)
            throw Fail(RejectionCategories.InvalidValue, "a null value needs a field");
        if (_modifiers.FirstOrDefault(m => m.Kind != Modifier.Neq) is { Name: not null } other)
            throw Fail(RejectionCategories.InvalidModifierCombination, $"'{other.Name}' cannot apply to null");
        return new DetectionItem(_field, names, [SigmaNull.Instance], false, Has(Modifier.Neq), _at);
    }

    private DetectionItem ExistsItem(IReadOnlyList<RawScalar> raw, List<string> names)
    {
        if (_field is null)
            throw Fail(RejectionCategories.InvalidModifierCombination, "'exists' needs a field");
        if (_modifiers.Length != 1)
            throw Fail(RejectionCategories.InvalidModifierCombination, "'exists' cannot be combined with other modifiers");
        if (raw.Count != 1 || raw[0].Boolean is not { } exists)
            throw Fail(RejectionCategories.InvalidValue, "'exists' takes one value, true or false");
        return new DetectionItem(_field, names, [new SigmaExists(exists)], false, false, _at);
    }

    private void FirstValueModifier(string name)
    {
        if (_applied.Any(m => m is not (Modifier.All or Modifier.Neq)))
            throw Fail(RejectionCategories.InvalidModifierCombination, $"'{name}' must come before modifiers that change the value");
    }

    private void Map(string name, Func<SigmaValue, bool, (IReadOnlyList<SigmaValue> Values, bool ByteText)> apply)
    {
        var mapped = new List<Working>(_values.Count);
        foreach (var working in _values)
        {
            if (working.Value is SigmaExpansion expansion)
            {
                var alternatives = new List<SigmaValue>();
                var bytes = working.ByteText;
                foreach (var alternative in expansion.Alternatives)
                {
                    var (values, byteText) = apply(alternative, working.ByteText);
                    alternatives.AddRange(values);
                    bytes = byteText;
                    if (alternatives.Count > MaxValuesPerItem)
                        throw Fail(RejectionCategories.ExpansionTooLarge, $"'{name}' yields more than {MaxValuesPerItem} values");
                }
                mapped.Add(new Working(new SigmaExpansion(alternatives), bytes));
            }
            else
            {
                var (values, byteText) = apply(working.Value, working.ByteText);
                mapped.Add(new Working(values.Count == 1 ? values[0] : new SigmaExpansion(values), byteText));
            }
        }
        _values = mapped;
    }

    private static (IReadOnlyList<SigmaValue>, bool) One(SigmaValue value, bool byteText = false) => ([value], byteText);

    private SigmaString AsString(string name, SigmaValue value) => value switch
    {
        SigmaString s => s,
        SigmaNumber n => SigmaString.FromLiteral(n.Text),
        _ => throw Incompatible(name, value),
    };

    private string PlainString(string name, SigmaValue value, string wildcardMessage)
    {
        var s = AsString(name, value);
        if (s.HasPlaceholders)
            throw Fail(RejectionCategories.InvalidModifierCombination, $"'{name}' cannot encode a placeholder; put 'expand' before '{name}'");
        if (!s.IsPlain)
            throw Fail(RejectionCategories.InvalidValue, wildcardMessage);
        return s.PlainText;
    }

    private void CheckRegex(SigmaRegex regex)
    {
        try
        {
            _ = new Regex(regex.Pattern, regex.Options | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw Fail(RejectionCategories.InvalidRegex, $"'{regex.Pattern}' is not a valid regular expression: {e.Message}");
        }
    }

    private static IEnumerable<SigmaValue> Flatten(SigmaValue value) =>
        value is SigmaExpansion expansion ? expansion.Alternatives : [value];

    private bool Has(Modifier kind)
    {
        foreach (var (each, _) in _modifiers)
        {
            if (each == kind)
                return true;
        }
        return false;
    }

    private static bool NeedsField(Modifier kind) => kind is Modifier.FieldRef or Modifier.Cidr or Modifier.Exists
        or Modifier.Lt or Modifier.Lte or Modifier.Gt or Modifier.Gte
        or Modifier.Minute or Modifier.Hour or Modifier.Day or Modifier.Week or Modifier.Month or Modifier.Year;

    private SigmaParseException Incompatible(string name, SigmaValue value) => Fail(RejectionCategories.InvalidModifierCombination,
        $"'{name}' cannot apply to {Describe(value)}");

    private static string Describe(SigmaValue value) => value switch
    {
        SigmaRegex => "a regular expression",
        SigmaCidr => "a network",
        SigmaCompare => "a comparison",
        SigmaFieldRef => "a field reference",
        SigmaTimePart => "a date part",
        SigmaNumber n => $"the number {n.Text}",
        _ => $"'{value}'",
    };

    private SigmaParseException Fail(string category, string message) =>
        new(_at, category, (_field is null ? "keywords" : $"field '{_field}'") + ": " + message);
}
