namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// An Aho–Corasick automaton over folded literals that may occur anywhere in a value. States near the root, where
/// a scan spends nearly all its steps, have dense transition rows over a compact alphabet (complete DFA rows:
/// one load per step). Deeper states, each reached only while a literal's prefix keeps matching, keep sorted child
/// lists and a failure link, so thousands of literals cost kilobytes of hot table instead of megabytes. One pass
/// over a value finds every literal in it and marks its rules. Immutable.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int _dense;          // states [0, _dense) have rows in _next
    private readonly int[] _next;         // _dense × _width targets
    private readonly int[] _childStart;   // per deep state (index - _dense), into _childChars/_childTargets
    private readonly char[] _childChars;
    private readonly int[] _childTargets;
    private readonly int[] _fail;
    private readonly int[] _hitStart;     // per state, into _hits; equal neighbours: no hits
    private readonly LiteralHit[] _hits;

    internal LiteralAutomaton(
        CharClasses classes, int dense, int[] next, int[] childStart, char[] childChars, int[] childTargets,
        int[] fail, int[] hitStart, LiteralHit[] hits)
    {
        _classes = classes;
        _width = classes.Count;
        _dense = dense;
        _next = next;
        _childStart = childStart;
        _childChars = childChars;
        _childTargets = childTargets;
        _fail = fail;
        _hitStart = hitStart;
        _hits = hits;
    }

    public int States => _hitStart.Length - 1;

    public int DenseStates => _dense;

    public void Scan(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        var state = 0;
        foreach (var c in text)
        {
            state = Step(state, c);
            var first = _hitStart[state];
            var end = _hitStart[state + 1];
            if (first != end)
                marks.Mark(_hits.AsSpan(first, end - first));
        }
    }

    private int Step(int state, char c)
    {
        while (state >= _dense)
        {
            var deep = state - _dense;
            var from = _childStart[deep];
            var to = _childStart[deep + 1];
            for (var i = from; i < to; i++)
            {
                if (_childChars[i] == c)
                    return _childTargets[i];
            }
            state = _fail[state];
        }
        return _next[state * _width + _classes.Of(c)];
    }
}
