using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// A wildcard pattern compiled into segments split at <c>*</c>; each segment is literal text in which <c>?</c>
/// positions match any one character. The first segment must start the value, the last must end it, and the
/// middle ones are found leftmost in order, which is exact for this pattern language and linear in practice (no
/// backtracking: segments have fixed length).
/// </summary>
internal sealed class GlobPattern
{
    private readonly Segment[] _segments;
    private readonly bool _hasStar;

    private GlobPattern(Segment[] segments, bool hasStar)
    {
        _segments = segments;
        _hasStar = hasStar;
    }

    /// <summary>A segment: its characters, and for each whether it is a <c>?</c> (null when none is).</summary>
    private sealed class Segment(string chars, bool[]? any)
    {
        public readonly string Chars = chars;
        public readonly bool[]? Any = any;

        public int Length => Chars.Length;

        public bool MatchesAt(ReadOnlySpan<char> text, int at)
        {
            if (Any is null)
                return text.Slice(at, Chars.Length).SequenceEqual(Chars);
            for (var i = 0; i < Chars.Length; i++)
            {
                if (!Any[i] && text[at + i] != Chars[i])
                    return false;
            }
            return true;
        }

        public int Find(ReadOnlySpan<char> text)
        {
            if (Any is null)
                return text.IndexOf(Chars);
            for (var at = 0; at + Chars.Length <= text.Length; at++)
            {
                if (MatchesAt(text, at))
                    return at;
            }
            return -1;
        }
    }

    /// <summary>Compiles the parts of a <see cref="SigmaString"/> (placeholders must be expanded by now), its
    /// literals folded unless <paramref name="cased"/>.</summary>
    public static GlobPattern Compile(IEnumerable<StringPart> parts, bool cased)
    {
        var segments = new List<Segment>();
        var chars = new System.Text.StringBuilder();
        var any = new List<bool>();
        var hasStar = false;
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case StringPartKind.AnyChars:
                    hasStar = true;
                    segments.Add(Close(chars, any));
                    break;
                case StringPartKind.OneChar:
                    chars.Append('?');
                    any.Add(true);
                    break;
                default:
                    var text = cased ? part.Text : part.Text.ToLowerInvariant();
                    chars.Append(text);
                    any.AddRange(Enumerable.Repeat(false, text.Length));
                    break;
            }
        }
        segments.Add(Close(chars, any));
        return new GlobPattern([.. segments], hasStar);
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var first = _segments[0];
        if (!_hasStar)
            return text.Length == first.Length && first.MatchesAt(text, 0);
        var last = _segments[^1];
        if (text.Length < first.Length + last.Length || !first.MatchesAt(text, 0) || !last.MatchesAt(text, text.Length - last.Length))
            return false;
        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < _segments.Length - 1; i++)
        {
            var segment = _segments[i];
            var found = segment.Find(text[position..end]);
            if (found < 0)
                return false;
            position += found + segment.Length;
        }
        return true;
    }

    private static Segment Close(System.Text.StringBuilder chars, List<bool> any)
    {
        var segment = new Segment(chars.ToString(), any.Contains(true) ? [.. any] : null);
        chars.Clear();
        any.Clear();
        return segment;
    }
}
