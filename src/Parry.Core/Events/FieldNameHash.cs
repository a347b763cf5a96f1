using System.Numerics;
using System.Runtime.CompilerServices;

namespace Parry.Core.Events;

/// <summary>
/// A case-insensitive hash over the characters of a field name, computable incrementally: the hash of
/// <c>Event.System.EventID</c> continues from the hash of <c>Event.System</c>. Decoders key every node of every
/// event by its path, so this is on the hottest path there is: one rotate and one xor per character (a dependent
/// multiply per character cost three times as much); <see cref="Finish"/> mixes the bits once per lookup. Equal
/// hashes are always confirmed by comparing the names.
/// </summary>
internal static class FieldNameHash
{
    public const ulong Start = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Append(ulong hash, char c)
    {
        var folded = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        return BitOperations.RotateLeft(hash, 7) ^ folded;
    }

    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            hash = Append(hash, c);
        return hash;
    }

    public static ulong Of(ReadOnlySpan<char> text) => Append(Start, text);

    /// <summary>Spreads the bits for use as a table index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        return hash ^ (hash >> 29);
    }
}
