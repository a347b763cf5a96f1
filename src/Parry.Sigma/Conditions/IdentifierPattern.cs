namespace Parry.Sigma.Conditions;

/// <summary>Matches search identifiers against an <c>x of</c> pattern, where <c>*</c> stands for any run of
/// characters (case-sensitive, as YAML keys are).</summary>
internal static class IdentifierPattern
{
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
            return pattern.SequenceEqual(name);
        if (!name.StartsWith(pattern[..star]))
            return false;
        var position = star;
        var rest = pattern[(star + 1)..];
        // Each further segment is found leftmost; the last one must end the name.
        while (true)
        {
            var next = rest.IndexOf('*');
            if (next < 0)
                return name.Length - position >= rest.Length && name.EndsWith(rest);
            var segment = rest[..next];
            var found = name[position..].IndexOf(segment);
            if (found < 0)
                return false;
            position += found + segment.Length;
            rest = rest[(next + 1)..];
        }
    }
}
