namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// A trie of anchored literals walked from one end of a value: forward from the start for prefixes, backward from
/// the end for suffixes (the builder then holds the literals reversed). The walk stops at the first character no
/// literal continues with, so it costs at most the longest literal, not the value. Immutable.
/// </summary>
internal sealed class LiteralTrie
{
    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int[] _next;
    private readonly int[] _hitStart;
    private readonly LiteralHit[] _hits;

    internal LiteralTrie(CharClasses classes, int[] next, int[] hitStart, LiteralHit[] hits)
    {
        _classes = classes;
        _width = classes.Count;
        _next = next;
        _hitStart = hitStart;
        _hits = hits;
    }

    public int States => _hitStart.Length - 1;

    public void WalkForward(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = _next[state * _width + _classes.Of(text[i])];
            if (state < 0)
                return;
            MarkAt(state, marks);
        }
    }

    public void WalkBackward(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        var state = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            state = _next[state * _width + _classes.Of(text[i])];
            if (state < 0)
                return;
            MarkAt(state, marks);
        }
    }

    private void MarkAt(int state, CandidateMarks marks)
    {
        var first = _hitStart[state];
        var end = _hitStart[state + 1];
        if (first != end)
            marks.Mark(_hits.AsSpan(first, end - first));
    }
}
