using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// An Aho–Corasick automaton over folded literals that may occur anywhere in a value. States near the root, where
/// a scan spends nearly all its steps, have dense transition rows over a compact ASCII alphabet (complete DFA rows:
/// one load per step). Deeper states, each reached only while a literal's prefix keeps matching, keep sorted child
/// lists and a failure link, so thousands of literals cost kilobytes of hot table instead of megabytes. Non-ASCII
/// characters, rare in the values, take the child lists from every state: as row columns, the look-alike
/// characters of the command-line obfuscation rules made process_creation's rows 1,335 classes wide (13.6 MB).
/// One pass over a value finds every literal in it and marks its rules. The states spell each literal's short anchor
/// (<see cref="LiteralAnchors"/>), so the automaton is at most that deep and a walk rarely leaves the dense rows;
/// reaching an anchor checks the whole literal around it. Immutable.
/// </summary>
/// <remarks>
/// Transition targets (dense rows and child lists) are stored complemented (<c>~state</c>, negative) when the
/// target state has hits, so the scan learns whether to mark from the value it already loaded instead of a second
/// table; failure links are stored plain. The dense step is inlined into the scan loop and reads its tables
/// without bounds checks: every index is a state the builder numbered times the row width plus a class below
/// that width. An automaton of few literals also has a guard, a vectorised multi-string search (.NET's Teddy)
/// that finds where the first literal starts, or that none occurs, far faster than the walk.
/// Dense rows hold 16-bit targets when every target fits (a dense row leads at most one level deeper, and the
/// breadth-first numbering puts those shallow states first): CommandLine's rows are then half their size, and the
/// walk, which reads a row at random for every character, misses the cache half as often.
/// </remarks>
internal sealed class LiteralAutomaton
{
    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int _dense;          // states [0, _dense) have rows in _next
    private readonly short[]? _nextShort; // _dense × _width targets, complemented when the target has hits, when all fit
    private readonly int[]? _next;        // the same when some target does not fit in 16 bits
    private readonly int[] _links;        // [2·state]: its first child (children are numbered consecutively), [2·state + 1]: its failure link
    private readonly uint[] _edges;       // per state: the character on the edge into it, HitFlags.EdgeHasHits when it has hits
    private readonly int[] _hitStart;     // per state, into _checks; equal neighbours: no hits
    private readonly LiteralCheck[] _checks;
    private readonly char[] _literals;    // the checked literals side by side
    private readonly LiteralHit[] _hits;  // each check's hits, [HitStart, HitEnd)
    private readonly SearchValues<string>? _guard;
    private readonly int _root;           // the root as a target, complemented if it has hits

    internal LiteralAutomaton(
        CharClasses classes, int dense, int[] next, int[] links, uint[] edges, int[] hitStart, LiteralCheck[] checks, char[] literals, LiteralHit[] hits,
        SearchValues<string>? guard)
    {
        _guard = guard;
        _classes = classes;
        _width = classes.Count;
        _dense = dense;
        _hitStart = hitStart;
        var flagged = HitFlags.Complement(next, hitStart);
        _nextShort = HitFlags.Narrow(flagged);
        if (_nextShort is null)
            _next = flagged;
        _links = links;
        _edges = edges;
        _checks = checks;
        _literals = literals;
        _hits = hits;
        _root = hitStart[0] != hitStart[1] ? ~0 : 0;
    }

    public int States => _hitStart.Length - 1;

    public int DenseStates => _dense;

    /// <summary>Character classes of a dense row (the row width).</summary>
    public int Classes => _width;

    /// <summary>Whether the dense rows hold 16-bit targets (for tests).</summary>
    internal bool HasShortRows => _nextShort is not null;

    public void Scan(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        var from = 0;
        if (_guard is not null)
        {
            // Most values hold none of a small literal set: a vectorised search says so without a walk, and when
            // one occurs no literal starts before the first, so the walk starts there (the checks of longer
            // literals still read the whole text).
            var start = text.IndexOfAny(_guard);
            if (start < 0)
                return;
            from = start;
        }
        if (_nextShort is not null)
            Walk(_nextShort, text, from, marks);
        else
            Walk(_next!, text, from, marks);
    }

    // The walk, compiled once per row element type (short or int): the JIT specialises it for each value type.
    // The class table is held in a local: reached through _classes, it cost two more loads per character.
    private void Walk<TTarget>(TTarget[] rows, ReadOnlySpan<char> text, int from, CandidateMarks marks)
        where TTarget : unmanaged, IBinaryInteger<TTarget>
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var ascii = ref _classes.AsciiTable;
        var width = _width;
        var dense = _dense;
        var state = 0;
        for (var i = from; (uint)i < (uint)text.Length; i++)
        {
            var c = text[i];
            var target = state < dense && c < 128
                ? int.CreateTruncating(Unsafe.Add(ref next, state * width + Unsafe.Add(ref ascii, c)))
                : SparseStep(state, c);
            if (target >= 0)
            {
                state = target;
                continue;
            }
            state = ~target;
            MarkAt(state, text, i, marks);
        }
    }

    // The hits of a state the walk reached at text[end]: a longer literal's only if it stands around its anchor.
    private void MarkAt(int state, ReadOnlySpan<char> text, int end, CandidateMarks marks)
    {
        var stop = _hitStart[state + 1];
        for (var c = _hitStart[state]; c < stop; c++)
        {
            var (literalStart, length, back, hitStart, hitCount) = _checks[c];
            if (length != 0)
            {
                var start = end + 1 - back;
                if (start < 0 || start > text.Length - length || !text.Slice(start, length).SequenceEqual(_literals.AsSpan(literalStart, length)))
                    continue;
            }
            marks.Mark(_hits.AsSpan(hitStart, hitCount));
        }
    }

    // One dense row entry, whichever width the rows have.
    private int Row(int index) => _nextShort is not null ? _nextShort[index] : _next![index];

    // A step from a deep state, or on a non-ASCII character: the state's children, else its failure link, until a
    // dense row (for ASCII) or the root answers. A state's links sit side by side and its children's edges are
    // consecutive, so a step reads two cache lines, not one per table; reads skip bounds checks (every index is a
    // state the builder numbered, or within its children's range).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SparseStep(int state, char c)
    {
        ref var links = ref MemoryMarshal.GetArrayDataReference(_links);
        ref var edges = ref MemoryMarshal.GetArrayDataReference(_edges);
        while (true)
        {
            if (state < _dense && c < 128)
                return Row(state * _width + _classes.OfAscii(c));
            var from = Unsafe.Add(ref links, 2 * state);
            var end = Unsafe.Add(ref links, 2 * state + 2);
            if (end - from <= 8)
            {
                // Most deep states have one or two children: a plain loop, where span IndexOf's vectorised search
                // cost more in call and set-up than the few compares (7 % of the routed match in a profile).
                for (var i = from; i < end; i++)
                {
                    var edge = Unsafe.Add(ref edges, i);
                    if ((char)edge == c)
                        return HitFlags.Target(edge, i);
                }
            }
            else
            {
                // Children are numbered in character order: a binary search.
                var low = from;
                var high = end - 1;
                while (low <= high)
                {
                    var mid = (low + high) >>> 1;
                    var edge = Unsafe.Add(ref edges, mid);
                    var found = (char)edge;
                    if (found == c)
                        return HitFlags.Target(edge, mid);
                    if (found < c)
                        low = mid + 1;
                    else
                        high = mid - 1;
                }
            }
            if (state == 0)
                return _root;
            state = Unsafe.Add(ref links, 2 * state + 1);
        }
    }
}
