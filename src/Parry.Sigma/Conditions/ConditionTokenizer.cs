namespace Parry.Sigma.Conditions;

/// <summary>
/// Splits a condition into words (search identifiers, patterns, quantifiers), the keywords <c>and</c>, <c>or</c>,
/// <c>not</c>, <c>of</c> (any letter case), parentheses and <c>|</c>. A word is any run of characters other than
/// white space, parentheses and <c>|</c>.
/// </summary>
internal static class ConditionTokenizer
{
    public static List<ConditionToken> Tokenize(string text)
    {
        var tokens = new List<ConditionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c is '(' or ')' or '|')
            {
                var kind = c switch { '(' => ConditionTokenKind.OpenParen, ')' => ConditionTokenKind.CloseParen, _ => ConditionTokenKind.Pipe };
                tokens.Add(new ConditionToken(kind, c.ToString(), i));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                i++;
            var word = text[start..i];
            tokens.Add(new ConditionToken(Classify(word), word, start));
        }
        tokens.Add(new ConditionToken(ConditionTokenKind.End, "", text.Length));
        return tokens;
    }

    private static ConditionTokenKind Classify(string word)
    {
        if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            return ConditionTokenKind.And;
        if (word.Equals("or", StringComparison.OrdinalIgnoreCase))
            return ConditionTokenKind.Or;
        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
            return ConditionTokenKind.Not;
        if (word.Equals("of", StringComparison.OrdinalIgnoreCase))
            return ConditionTokenKind.Of;
        return ConditionTokenKind.Word;
    }
}
