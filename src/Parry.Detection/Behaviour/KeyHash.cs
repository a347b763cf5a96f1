using System.Runtime.InteropServices;
using Parry.Core.Actors;

namespace Parry.Detection.Behaviour;

/// <summary>
/// 64-bit keys for actors, targets and items. Actor keys come from two independently seeded 32-bit hashes whose
/// seeds are random per process (HashCode's), so input cannot be crafted to make two attackers collide into one; an
/// actor key never reaches the output. Target and item keys feed the distinct-count estimates that do reach it, so
/// they are the same in every process: one input always gives one result (FNV-1a, then a 64-bit finaliser so every
/// bit depends on every character, as the HyperLogLog registers need).
/// </summary>
internal static class KeyHash
{
    public static ulong Of(ReadOnlySpan<char> text, int salt = 0)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var low = new HashCode();
        low.Add(0x5A17 ^ salt);
        low.AddBytes(bytes);
        var high = new HashCode();
        high.Add(unchecked((int)0x9E3779B9) ^ salt);
        high.AddBytes(bytes);
        return ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
    }

    public static ulong Of(Actor actor) => Of(actor.Value, (int)actor.Kind + 1);

    /// <summary>Of folded (lower-case) text, so <c>/Admin</c> and <c>/admin</c> are one item; the same in every
    /// process.</summary>
    public static ulong OfFolded(ReadOnlySpan<char> folded)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in folded)
        {
            hash = (hash ^ (byte)c) * 0x100000001B3UL;
            hash = (hash ^ (byte)(c >> 8)) * 0x100000001B3UL;
        }
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return hash ^ (hash >> 33);
    }
}
