using System.Runtime.InteropServices;
using Parry.Core.Actors;

namespace Parry.Detection.Behaviour;

/// <summary>
/// 64-bit keys for actors, targets and items, from two independently seeded 32-bit hashes. The seeds are random per
/// process (HashCode's), so input cannot be crafted to make two attackers collide into one.
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

    /// <summary>Case-insensitive: <c>/Admin</c> and <c>/admin</c> are one item.</summary>
    public static ulong OfFolded(ReadOnlySpan<char> folded) => Of(folded, 77);
}
