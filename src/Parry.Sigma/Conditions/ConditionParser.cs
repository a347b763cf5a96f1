namespace Parry.Sigma.Conditions;

/// <summary>
/// Parses a condition by recursive descent over <see cref="ConditionTokenizer"/>'s tokens, with Sigma's precedence
/// from loosest to tightest: <c>or</c>, <c>and</c>, <c>not</c>, <c>x of</c>, parentheses. Identifiers are checked
/// against the rule's search identifiers and <c>x of</c> patterns resolved, so every failure is a
/// <see cref="ConditionSyntaxException"/> with the offset where it happened; nothing else escapes.
/// </summary>
public sealed class ConditionParser
{
    /// <summary>Nesting deeper than this (parentheses and <c>not</c>) is refused, so hostile input cannot exhaust
    /// the stack.</summary>
    public const int MaxDepth = 128;

    private readonly ConditionToken[] _tokens;
    private readonly IReadOnlyList<string> _identifiers;
    private readonly HashSet<string> _known;
    private int _next;
    private int _depth;

    private ConditionParser(string text, IReadOnlyList<string> identifiers)
    {
        _tokens = ConditionTokenizer.Tokenize(text);
        _identifiers = identifiers;
        _known = new HashSet<string>(identifiers, StringComparer.Ordinal);
    }

    /// <summary>Parses <paramref name="text"/> against the rule's search identifiers (in definition order).</summary>
    public static ConditionNode Parse(string text, IReadOnlyList<string> identifiers)
    {
        var parser = new ConditionParser(text, identifiers);
        if (parser.Peek.Kind == ConditionTokenKind.End)
            throw new ConditionSyntaxException(0, RejectionCategories.ConditionSyntax, "the condition is empty");
        var node = parser.ParseOr();
        var rest = parser.Peek;
        switch (rest.Kind)
        {
            case ConditionTokenKind.End:
                return node;
            case ConditionTokenKind.CloseParen:
                throw Error(rest, $"')' at position {rest.Position} has no matching '('");
            case ConditionTokenKind.Pipe:
                throw Aggregation(rest);
            default:
                throw Error(rest, $"unexpected {rest.Describe()} at position {rest.Position}: expected 'and', 'or' or the end of the condition");
        }
    }

    private ConditionToken Peek => _tokens[_next];

    private ConditionToken Take() => _tokens[_next++];

    private ConditionNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != ConditionTokenKind.Or)
            return first;
        var operands = new List<ConditionNode> { first };
        while (Peek.Kind == ConditionTokenKind.Or)
        {
            Take();
            operands.Add(ParseAnd());
        }
        return new OrCondition(operands, first.Position);
    }

    private ConditionNode ParseAnd()
    {
        var first = ParseNot();
        if (Peek.Kind != ConditionTokenKind.And)
            return first;
        var operands = new List<ConditionNode> { first };
        while (Peek.Kind == ConditionTokenKind.And)
        {
            Take();
            operands.Add(ParseNot());
        }
        return new AndCondition(operands, first.Position);
    }

    private ConditionNode ParseNot()
    {
        if (Peek.Kind != ConditionTokenKind.Not)
            return ParsePrimary();
        var not = Take();
        Enter(not);
        var operand = ParseNot();
        _depth--;
        return new NotCondition(operand, not.Position);
    }

    private ConditionNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case ConditionTokenKind.OpenParen:
                Enter(token);
                if (Peek.Kind == ConditionTokenKind.CloseParen)
                    throw Error(Peek, $"empty parentheses at position {token.Position}");
                var inner = ParseOr();
                if (Peek.Kind == ConditionTokenKind.Pipe)
                    throw Aggregation(Peek);
                if (Peek.Kind != ConditionTokenKind.CloseParen)
                    throw Error(Peek, $"'(' at position {token.Position} is not closed: expected ')' but found {Peek.Describe()}");
                Take();
                _depth--;
                return inner;
            case ConditionTokenKind.Word when Peek.Kind == ConditionTokenKind.Of:
                return ParseOf(token);
            case ConditionTokenKind.Word:
                return Identifier(token);
            case ConditionTokenKind.Pipe:
                throw Aggregation(token);
            case ConditionTokenKind.CloseParen:
                throw Error(token, $"')' at position {token.Position} where a search identifier, 'not', 'x of' or '(' was expected");
            default:
                throw Error(token, $"expected a search identifier, 'not', 'x of' or '(' at position {token.Position} but found {token.Describe()}");
        }
    }

    private OfCondition ParseOf(ConditionToken quantifier)
    {
        Take(); // of
        OfQuantifier kind;
        int count;
        if (quantifier.Text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            kind = OfQuantifier.All;
            count = 0;
        }
        else if (quantifier.Text.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            kind = OfQuantifier.AtLeast;
            count = 1;
        }
        else if (int.TryParse(quantifier.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count > 0)
        {
            kind = OfQuantifier.AtLeast;
        }
        else
        {
            throw Error(quantifier, $"'{quantifier.Text} of' at position {quantifier.Position}: the quantifier must be 1 (or another positive number), 'any' or 'all'");
        }

        var pattern = Take();
        if (pattern.Kind != ConditionTokenKind.Word)
            throw Error(pattern, $"'{quantifier.Text} of' at position {quantifier.Position} must be followed by 'them' or a search identifier pattern, not {pattern.Describe()}");
        var resolved = Resolve(pattern);
        if (kind == OfQuantifier.AtLeast && count > resolved.Count)
            throw new ConditionSyntaxException(quantifier.Position, RejectionCategories.PatternMatchesNothing,
                $"'{count} of {pattern.Text}' needs {count} search identifiers but only {resolved.Count} match");
        return new OfCondition(kind, count, pattern.Text, resolved, quantifier.Position);
    }

    private List<string> Resolve(ConditionToken pattern)
    {
        var them = pattern.Text.Equals("them", StringComparison.OrdinalIgnoreCase);
        var underscore = !them && pattern.Text.StartsWith('_');
        var resolved = new List<string>();
        foreach (var identifier in _identifiers)
        {
            if (identifier.StartsWith('_') && !underscore)
                continue;
            if (them || IdentifierPattern.Matches(pattern.Text, identifier))
                resolved.Add(identifier);
        }
        if (resolved.Count == 0)
            throw new ConditionSyntaxException(pattern.Position, RejectionCategories.PatternMatchesNothing,
                them
                    ? "'them' at position " + pattern.Position + " names no search identifier (all start with '_')"
                    : $"'{pattern.Text}' at position {pattern.Position} matches no search identifier (defined: {Defined()})");
        return resolved;
    }

    private IdentifierCondition Identifier(ConditionToken token)
    {
        if (token.Text.Equals("them", StringComparison.OrdinalIgnoreCase))
            throw Error(token, $"'them' at position {token.Position} is only valid after '1 of', 'any of' or 'all of'");
        if (token.Text.Contains('*'))
            throw Error(token, $"'{token.Text}' at position {token.Position}: wildcards are only valid in '1 of' / 'all of' patterns");
        if (!_known.Contains(token.Text))
            throw new ConditionSyntaxException(token.Position, RejectionCategories.UndefinedIdentifier,
                $"'{token.Text}' at position {token.Position} is not a search identifier of this rule (defined: {Defined()})");
        return new IdentifierCondition(token.Text, token.Position);
    }

    private void Enter(ConditionToken token)
    {
        if (++_depth > MaxDepth)
            throw Error(token, $"the condition nests deeper than {MaxDepth} levels at position {token.Position}");
    }

    private string Defined() => _identifiers.Count == 0 ? "none" : string.Join(", ", _identifiers.Take(12)) + (_identifiers.Count > 12 ? ", …" : "");

    private static ConditionSyntaxException Error(ConditionToken token, string message) =>
        new(token.Position, RejectionCategories.ConditionSyntax, message);

    private static ConditionSyntaxException Aggregation(ConditionToken token) =>
        new(token.Position, RejectionCategories.UnsupportedAggregation,
            $"'|' at position {token.Position}: aggregations in the condition (count() by …, near) are not part of Sigma 2; write a correlation rule instead");
}
