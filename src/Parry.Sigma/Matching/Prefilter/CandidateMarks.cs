using System.Runtime.CompilerServices;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Per-event scratch of a group match, on the caller's stack: one bit set per requirement (a rule with two
/// requirements becomes a candidate only when both are marked).
/// </summary>
internal readonly ref struct CandidateMarks(Span<ulong> bits, int words)
{
    private readonly Span<ulong> _bits = bits;

    public int Words { get; } = words;

    public Span<ulong> First => _bits[..Words];

    public Span<ulong> Second => _bits.Slice(Words, Words);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Mark(LiteralHit hit) => _bits[hit.Which * Words + (hit.Slot >> 6)] |= 1UL << (hit.Slot & 63);

    public void Mark(ReadOnlySpan<LiteralHit> hits)
    {
        foreach (var hit in hits)
            Mark(hit);
    }
}
