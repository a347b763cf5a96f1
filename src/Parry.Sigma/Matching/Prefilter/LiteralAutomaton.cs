namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// An Aho–Corasick automaton over folded literals that may occur anywhere in a value, compiled to a dense DFA over
/// a compact alphabet. One pass over a value finds every literal in it and marks its rules. The transition table
/// holds each target as its row offset, negated (bitwise) when the target state has hits, so a step costs one
/// load and hit lookups happen only where a literal ends. Immutable.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int[] _next;
    private readonly int[] _hitStart;
    private readonly LiteralHit[] _hits;

    internal LiteralAutomaton(CharClasses classes, int[] next, int[] hitStart, LiteralHit[] hits)
    {
        _classes = classes;
        _width = classes.Count;
        _next = next;
        _hitStart = hitStart;
        _hits = hits;
    }

    public int States => _hitStart.Length - 1;

    public void Scan(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        var next = _next;
        var classes = _classes;
        var row = 0;
        foreach (var c in text)
        {
            var target = next[row + classes.Of(c)];
            if (target >= 0)
            {
                row = target;
                continue;
            }
            row = ~target;
            var state = row / _width;
            var first = _hitStart[state];
            marks.Mark(_hits.AsSpan(first, _hitStart[state + 1] - first));
        }
    }
}
