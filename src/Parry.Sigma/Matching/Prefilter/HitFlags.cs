using System.Runtime.CompilerServices;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// The transition encoding the literal trie and automaton share: a target state that has hits is stored complemented
/// (<c>~state</c>, negative), so a walk learns whether to mark from the one value it loads instead of a second table.
/// Deep states, which have no rows, keep the character on the edge into each state with <see cref="EdgeHasHits"/>
/// set when that state has hits, for the same reason.
/// </summary>
internal static class HitFlags
{
    /// <summary>The bit of an edge that says its target state has hits (above every UTF-16 unit).</summary>
    public const uint EdgeHasHits = 1u << 16;

    /// <summary>Each state's incoming edge character (<paramref name="edges"/>, by state) with
    /// <see cref="EdgeHasHits"/> set when the state has hits (by <paramref name="hitStart"/>).</summary>
    public static uint[] FlagEdges(char[] edges, int[] hitStart)
    {
        var flagged = new uint[edges.Length];
        for (var state = 0; state < edges.Length; state++)
            flagged[state] = edges[state] | (hitStart[state] != hitStart[state + 1] ? EdgeHasHits : 0u);
        return flagged;
    }

    /// <summary>The target an edge into <paramref name="state"/> leads to: the state, complemented when it has
    /// hits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Target(uint edge, int state) => edge >= EdgeHasHits ? ~state : state;

    /// <summary>A copy of <paramref name="targets"/> with every target that has hits (by <paramref name="hitStart"/>:
    /// equal neighbours mean none) complemented; negative entries ("no transition") are kept as they are.</summary>
    public static int[] Complement(int[] targets, int[] hitStart)
    {
        var flagged = new int[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            flagged[i] = target >= 0 && hitStart[target] != hitStart[target + 1] ? ~target : target;
        }
        return flagged;
    }

    /// <summary>The targets as 16-bit values (complemented ones included), or null when some target does not fit:
    /// rows of half the bytes keep more of a table a walk reads at random in the cache.</summary>
    public static short[]? Narrow(int[] targets)
    {
        var narrow = new short[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] is < short.MinValue or > short.MaxValue)
                return null;
            narrow[i] = (short)targets[i];
        }
        return narrow;
    }
}
