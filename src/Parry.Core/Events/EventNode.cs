using System.Runtime.InteropServices;

namespace Parry.Core.Events;

/// <summary>
/// One node of an event's field tree, stored in pre-order in a flat array. Names and values live as ranges of the
/// event's character arena, so a node is plain data and the tree costs one array.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct EventNode(
    int parent, int end, int nameStart, int nameLength, int textStart, int textLength, long bits, ValueKind kind)
{
    /// <summary>Longest name a node holds: the kind shares the name length's int (32 bytes a node, not 40 — every
    /// event's largest array, and what a correlation's reorder buffer keeps alive per held event).</summary>
    public const int MaxNameLength = (1 << 24) - 1;

    /// <summary>Index of the parent node; -1 for the root.</summary>
    public readonly int Parent = parent;

    /// <summary>Index one past this node's last descendant, so a subtree is the range [index, End).</summary>
    public readonly int End = end;

    /// <summary>Start of the node's own name in the arena; -1 for array items and the root.</summary>
    public readonly int NameStart = nameStart;

    /// <summary>Start of the value's text in the arena (scalars only).</summary>
    public readonly int TextStart = textStart;

    public readonly int TextLength = textLength;

    // The name's length in the low 24 bits, the kind in the high 8 (the builder keeps names within MaxNameLength).
    private readonly int _nameLengthAndKind = nameLength | ((int)kind << 24);

    /// <summary>The integer, or the bits of the double, for numeric nodes; 1 or 0 for booleans.</summary>
    public readonly long Bits = bits;

    public int NameLength => _nameLengthAndKind & MaxNameLength;

    public ValueKind Kind => (ValueKind)((uint)_nameLengthAndKind >> 24);

    public bool IsScalar => Kind is not (ValueKind.Object or ValueKind.Array);

    public EventNode WithEnd(int end) =>
        new(Parent, end, NameStart, NameLength, TextStart, TextLength, Bits, Kind);
}
