namespace Parry.Gateway.Policy;

/// <summary>
/// A shell-style pattern on names: <c>*</c> any run of characters, <c>?</c> one character, case-insensitive (a deny
/// rule for <c>Shell_exec</c> must not be dodged by <c>shell_EXEC</c>).
/// </summary>
public sealed class Glob
{
    private readonly string _pattern;

    public Glob(string pattern) => _pattern = pattern;

    public string Pattern => _pattern;

    public bool IsMatch(string name) => Match(_pattern.AsSpan(), name.AsSpan());

    public override string ToString() => _pattern;

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative matcher with one backtrack point: linear in practice, no regular expressions.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
