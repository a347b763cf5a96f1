namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// A run of at least <see cref="Length"/> consecutive characters of one ASCII class that every match of a regular
/// expression contains (SNAKE's <c>[a-fA-F0-9]{64}</c>; see <see cref="RegexRequiredRun"/>), so a value without
/// one is refused before the expression runs.
/// </summary>
internal sealed class RequiredCharRun(bool[] inClass, int length)
{
    /// <summary>Which ASCII characters belong to the class (128 entries); no other character does.</summary>
    private readonly bool[] _inClass = inClass;

    public int Length { get; } = length;

    /// <summary>Whether <paramref name="text"/> holds <see cref="Length"/> consecutive characters of the class.</summary>
    /// <remarks>Any <c>n</c> consecutive positions hold exactly one of every <c>n</c>-th position, so only those
    /// are looked at (2–4 on a command line for n = 64), and a run is measured only around one that is in the class.
    /// After a run too short, sampling goes on <c>n</c> past its end: the next character is outside the class, so a
    /// later run starts beyond it and still covers one sampled position.</remarks>
    public bool MayOccurIn(ReadOnlySpan<char> text)
    {
        var n = Length;
        for (var p = n - 1; p < text.Length; p += n)
        {
            if (!In(text[p]))
                continue;
            var start = p;
            while (start > 0 && In(text[start - 1]))
                start--;
            var end = p;
            while (end + 1 < text.Length && In(text[end + 1]))
                end++;
            if (end - start + 1 >= n)
                return true;
            p = end;
        }
        return false;
    }

    private bool In(char c) => c < 128 && _inClass[c];
}
