namespace Parry.Sigma.Conditions;

/// <summary>
/// Splits a condition into words (search identifiers, patterns, quantifiers), the keywords <c>and</c>, <c>or</c>,
/// <c>not</c>, <c>of</c> (any letter case), parentheses and <c>|</c>. A word is any run of characters other than
/// white space, parentheses and <c>|</c>.
/// </summary>
internal static class ConditionTokenizer
{
    /// <summary>The tokens, the last of them <see cref="ConditionTokenKind.End"/>.</summary>
    public static ConditionToken[] Tokenize(string text)
    {
        // An array grown by hand rather than a List: a List over this struct is compiled at run time, at every
        // start-up, where the rest of the loader is compiled ahead of time.
        var tokens = new ConditionToken[8];
        var count = 0;
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
                Add(ref tokens, ref count, new ConditionToken(kind, c.ToString(), i));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                i++;
            var word = text[start..i];
            Add(ref tokens, ref count, new ConditionToken(Classify(word), word, start));
        }
        Add(ref tokens, ref count, new ConditionToken(ConditionTokenKind.End, "", text.Length));
        if (count == tokens.Length)
            return tokens;
        // Exactly the tokens: nothing to read past the End token.
        var exact = new ConditionToken[count];
        Array.Copy(tokens, exact, count);
        return exact;
    }

    private static void Add(ref ConditionToken[] tokens, ref int count, ConditionToken token)
    {
        if (count == tokens.Length)
        {
            var larger = new ConditionToken[tokens.Length * 2];
            Array.Copy(tokens, larger, count);
            tokens = larger;
        }
        tokens[count++] = token;
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
