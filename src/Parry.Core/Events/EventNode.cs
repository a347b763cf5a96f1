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
    /// <summary>Index of the parent node; -1 for the root.</summary>
    public readonly int Parent = parent;

    /// <summary>Index one past this node's last descendant, so a subtree is the range [index, End).</summary>
    public readonly int End = end;

    /// <summary>Start of the node's own name in the arena; -1 for array items and the root.</summary>
    public readonly int NameStart = nameStart;

    public readonly int NameLength = nameLength;

    /// <summary>Start of the value's text in the arena (scalars only).</summary>
    public readonly int TextStart = textStart;

    public readonly int TextLength = textLength;

    /// <summary>The integer, or the bits of the double, for numeric nodes; 1 or 0 for booleans.</summary>
    public readonly long Bits = bits;

    public readonly ValueKind Kind = kind;

    public bool IsScalar => Kind is not (ValueKind.Object or ValueKind.Array);

    public EventNode WithEnd(int end) =>
        new(Parent, end, NameStart, NameLength, TextStart, TextLength, Bits, Kind);
}
