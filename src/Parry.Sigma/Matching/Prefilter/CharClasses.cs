using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// The compact alphabet of an automaton: each character that occurs in some literal gets a class from 1; every
/// other character is class 0. ASCII resolves through a small array; other characters through a frozen map.
/// </summary>
internal sealed class CharClasses
{
    private readonly ushort[] _ascii = new ushort[128];
    private readonly FrozenDictionary<char, ushort> _other;

    public CharClasses(IEnumerable<char> chars)
    {
        var other = new Dictionary<char, ushort>();
        var count = 1;
        foreach (var c in chars.Distinct().Order())
        {
            if (c < 128)
                _ascii[c] = (ushort)count++;
            else
                other[c] = (ushort)count++;
            if (count > ushort.MaxValue)
                throw new InvalidOperationException("too many distinct characters in literals");
        }
        _other = other.ToFrozenDictionary();
        Count = count;
    }

    private CharClasses(ushort[] ascii, FrozenDictionary<char, ushort> other, int count)
    {
        _ascii = ascii;
        _other = other;
        Count = count;
    }

    /// <summary>These classes merged: each class goes to <paramref name="merged"/>[class] (class 0 to 0), out of
    /// <paramref name="count"/> classes.</summary>
    public CharClasses Merge(int[] merged, int count)
    {
        var ascii = new ushort[128];
        for (var c = 0; c < 128; c++)
            ascii[c] = (ushort)merged[_ascii[c]];
        var other = _other.Where(p => merged[p.Value] != 0).ToFrozenDictionary(p => p.Key, p => (ushort)merged[p.Value]);
        return new CharClasses(ascii, other, count);
    }

    /// <summary>Number of classes, class 0 included.</summary>
    public int Count { get; }

    // Called once per scanned character: the ASCII table is read without a bounds check (c < 128 = its length),
    // the rare other characters go through a call so the common path stays small enough to inline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(char c) => c < 128 ? Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ascii), c) : OfOther(c);

    /// <summary>As <see cref="Of"/> for a character known to be ASCII (below 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int OfAscii(char c) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ascii), c);

    /// <summary>The classes of the ASCII characters (<c>[c]</c> for c below 128), for a walk that keeps the table in a
    /// register instead of reaching it through this object for every character.</summary>
    public ref ushort AsciiTable => ref MemoryMarshal.GetArrayDataReference(_ascii);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int OfOther(char c) => _other.TryGetValue(c, out var cls) ? cls : 0;
}
