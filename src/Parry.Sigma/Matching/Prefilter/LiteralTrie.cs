using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// A trie of anchored literals walked from one end of a value: forward from the start for prefixes, backward from
/// the end for suffixes (the builder then holds the literals reversed). The walk stops at the first character no
/// literal continues with, so it costs at most the longest literal, not the value. Immutable.
/// </summary>
/// <remarks>
/// A transition holds <see cref="None"/> when no literal continues, the target state when it has no hits, and the
/// target complemented (<c>~state</c>, below <see cref="None"/> since the root is never a target) when it has: the
/// walk decides from the one value it loads. Rows are read without bounds checks: every index is a state the
/// builder numbered times the row width plus a class below that width. Rows hold 16-bit targets when the trie has
/// fewer than 32,768 states (Image's suffix trie has 5,548): half the bytes, so more of the rows a walk meets
/// stay cached. Only states up to <see cref="DenseDepth"/> have rows: deeper ones, nearly all with one child, keep
/// their children as a range of consecutive states and the character on each edge, so Image's suffix trie is
/// ~30 KB of hot table instead of 0.4 MB of rows read at random (a cache miss per step of a deep walk).
/// </remarks>
internal sealed class LiteralTrie
{
    /// <summary>States this close to the root get rows: every walk passes them.</summary>
    public const int DenseDepth = 2;

    private const int None = -1;

    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly short[]? _nextShort; // rows when every state number fits in 16 bits
    private readonly int[]? _next;        // otherwise
    private readonly int _dense;          // states [0, _dense) have rows
    private readonly int[] _firstChild;   // per state, its children [_firstChild[s], _firstChild[s + 1])
    private readonly uint[] _edges;       // per state, the character on the edge into it, HitFlags.EdgeHasHits when it has hits
    private readonly int[] _hitStart;
    private readonly LiteralHit[] _hits;

    internal LiteralTrie(CharClasses classes, int[] next, int dense, int[] firstChild, char[] edges, int[] hitStart, LiteralHit[] hits)
    {
        _classes = classes;
        _width = classes.Count;
        _dense = dense;
        _firstChild = firstChild;
        _edges = HitFlags.FlagEdges(edges, hitStart);
        _hitStart = hitStart;
        _hits = hits;
        var flagged = HitFlags.Complement(next, hitStart);
        _nextShort = HitFlags.Narrow(flagged);
        if (_nextShort is null)
            _next = flagged;
    }

    public int States => _hitStart.Length - 1;

    public void WalkForward(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        if (_nextShort is not null)
            WalkForward(_nextShort, text, marks);
        else
            WalkForward(_next!, text, marks);
    }

    public void WalkBackward(ReadOnlySpan<char> text, CandidateMarks marks)
    {
        if (_nextShort is not null)
            WalkBackward(_nextShort, text, marks);
        else
            WalkBackward(_next!, text, marks);
    }

    // The walks, compiled once per row element type (short or int): the JIT specialises them for each value type.
    // The class table and row width are held in locals: reached through this object, they cost loads per character.
    private void WalkForward<TTarget>(TTarget[] rows, ReadOnlySpan<char> text, CandidateMarks marks)
        where TTarget : unmanaged, IBinaryInteger<TTarget>
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var ascii = ref _classes.AsciiTable;
        var width = _width;
        var dense = _dense;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var target = state < dense
                ? int.CreateTruncating(Unsafe.Add(ref next, state * width + (c < 128 ? Unsafe.Add(ref ascii, c) : _classes.Of(c))))
                : Child(state, c);
            if (target >= 0)
            {
                state = target;
                continue;
            }
            if (target == None)
                return;
            state = ~target;
            MarkAt(state, marks);
        }
    }

    private void WalkBackward<TTarget>(TTarget[] rows, ReadOnlySpan<char> text, CandidateMarks marks)
        where TTarget : unmanaged, IBinaryInteger<TTarget>
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var ascii = ref _classes.AsciiTable;
        var width = _width;
        var dense = _dense;
        var state = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            var target = state < dense
                ? int.CreateTruncating(Unsafe.Add(ref next, state * width + (c < 128 ? Unsafe.Add(ref ascii, c) : _classes.Of(c))))
                : Child(state, c);
            if (target >= 0)
            {
                state = target;
                continue;
            }
            if (target == None)
                return;
            state = ~target;
            MarkAt(state, marks);
        }
    }

    // A deep state's child on c (complemented when it has hits), or None.
    private int Child(int state, char c)
    {
        var end = _firstChild[state + 1];
        for (var child = _firstChild[state]; child < end; child++)
        {
            var edge = _edges[child];
            if ((char)edge == c)
                return HitFlags.Target(edge, child);
        }
        return None;
    }

    private void MarkAt(int state, CandidateMarks marks)
    {
        var first = _hitStart[state];
        marks.Mark(_hits.AsSpan(first, _hitStart[state + 1] - first));
    }
}
