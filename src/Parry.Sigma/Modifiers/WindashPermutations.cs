using Parry.Sigma.Values;

namespace Parry.Sigma.Modifiers;

/// <summary>
/// <c>windash</c>: every dash that starts a command-line flag (a <c>-</c>, <c>/</c>, en dash, em dash or horizontal
/// bar not preceded by a word character and followed by one, pySigma's <c>\B[-/]\b</c>) becomes each of the five
/// characters in turn; a value with n such dashes yields 5^n strings.
/// </summary>
internal static class WindashPermutations
{
    public static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];

    public static IReadOnlyList<SigmaString> Expand(SigmaString value, int limit)
    {
        var results = new List<List<StringPart>> { new() };
        foreach (var part in value.Parts)
        {
            if (part.Kind != StringPartKind.Literal)
            {
                foreach (var result in results)
                    result.Add(part);
                continue;
            }
            var flagDashes = FlagDashes(part.Text);
            if (flagDashes.Count == 0)
            {
                foreach (var result in results)
                    result.Add(part);
                continue;
            }
            var next = new List<List<StringPart>>();
            foreach (var variant in Variants(part.Text, flagDashes))
            {
                foreach (var result in results)
                {
                    if (next.Count >= limit)
                        throw new InvalidOperationException($"more than {limit} permutations");
                    next.Add([.. result, StringPart.Literal(variant)]);
                }
            }
            results = next;
        }
        return [.. results.Select(parts => SigmaString.Create(parts, value.Cased))];
    }

    private static List<int> FlagDashes(string text)
    {
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(Dashes, text[i]) < 0)
                continue;
            var wordBefore = i > 0 && IsWord(text[i - 1]);
            var wordAfter = i + 1 < text.Length && IsWord(text[i + 1]);
            if (!wordBefore && wordAfter)
                positions.Add(i);
        }
        return positions;
    }

    private static IEnumerable<string> Variants(string text, List<int> positions)
    {
        var chars = text.ToCharArray();
        var choice = new int[positions.Count];
        while (true)
        {
            for (var p = 0; p < positions.Count; p++)
                chars[positions[p]] = Dashes[choice[p]];
            yield return new string(chars);
            var k = positions.Count - 1;
            while (k >= 0 && ++choice[k] == Dashes.Length)
                choice[k--] = 0;
            if (k < 0)
                yield break;
        }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
