namespace Parry.Agents.Shell;

/// <summary>Skips a program's options to find its first operand, knowing which options take a value.</summary>
internal static class OptionScanner
{
    /// <summary>
    /// The index of the first operand at or after <paramref name="index"/>: past <c>--</c>, past options, and past the
    /// values of those in <paramref name="shortWithValue"/> (single letters, as in <c>-u root</c> or <c>-uroot</c>)
    /// and <paramref name="longWithValue"/> (as in <c>--user root</c>; <c>--user=root</c> is one word).
    /// </summary>
    public static int FirstOperand(List<string> words, int index, string shortWithValue, params string[] longWithValue)
    {
        while (index < words.Count)
        {
            var word = words[index];
            if (word == "--")
                return index + 1;
            if (word.Length < 2 || word[0] != '-')
                return index;
            if (word[1] == '-')
            {
                index += !word.Contains('=') && longWithValue.Contains(word, StringComparer.Ordinal) ? 2 : 1;
                continue;
            }
            var consumed = 1;
            for (var i = 1; i < word.Length; i++)
            {
                if (shortWithValue.Contains(word[i]))
                {
                    if (i == word.Length - 1)
                        consumed = 2;
                    break;
                }
            }
            index += consumed;
        }
        return index;
    }

    /// <summary>Whether a word is a bundle of single-letter options containing <paramref name="letter"/>
    /// (<c>-c</c>, <c>-lc</c>, <c>-ic</c>).</summary>
    public static bool IsBundleWith(string word, char letter)
    {
        if (word.Length < 2 || word[0] != '-' || word[1] == '-')
            return false;
        for (var i = 1; i < word.Length; i++)
        {
            if (!char.IsAsciiLetter(word[i]))
                return false;
        }
        return word.IndexOf(letter, 1) > 0;
    }
}
