namespace Parry.Core.Events;

/// <summary>
/// The structure and names of a keyed record, without its values, and the keys they gave: what
/// <see cref="EventKeyer"/> remembers so the next record of the same shape is keyed by comparison.
/// </summary>
internal sealed class RecordShape
{
    private readonly int[] _structure;   // per node: parent, end, name length (-1: unnamed), scalar flag
    private readonly char[] _names;      // every node's name, concatenated in node order

    public RecordShape(FieldTable table, ulong fingerprint, EventNode[] nodes, char[] text, int[] keys, int[] keyNodes)
    {
        Table = table;
        Fingerprint = fingerprint;
        Keys = keys;
        KeyNodes = keyNodes;
        _structure = new int[nodes.Length * 4];
        var nameChars = 0;
        for (var i = 0; i < nodes.Length; i++)
            nameChars += Math.Max(0, nodes[i].NameLength);
        _names = new char[nameChars];
        var at = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            ref readonly var node = ref nodes[i];
            _structure[i * 4] = node.Parent;
            _structure[i * 4 + 1] = node.End;
            _structure[i * 4 + 2] = node.NameStart < 0 ? -1 : node.NameLength;
            _structure[i * 4 + 3] = node.IsScalar ? 1 : 0;
            if (node.NameStart >= 0)
            {
                text.AsSpan(node.NameStart, node.NameLength).CopyTo(_names.AsSpan(at));
                at += node.NameLength;
            }
        }
    }

    public FieldTable Table { get; }

    public ulong Fingerprint { get; }

    public int[] Keys { get; }

    public int[] KeyNodes { get; }

    public long LastUse { get; set; }

    /// <summary>A cheap summary of a record's shape (node count, structure, name lengths and first characters)
    /// that tells most different shapes apart before <see cref="Matches"/> compares them in full.</summary>
    public static ulong FingerprintOf(EventNode[] nodes, char[] text)
    {
        var hash = (ulong)nodes.Length;
        for (var i = 0; i < nodes.Length; i++)
        {
            ref readonly var node = ref nodes[i];
            var first = node.NameLength > 0 ? text[node.NameStart] : '\0';
            hash = (hash * 31) ^ (uint)(node.End - i) ^ ((ulong)(uint)node.NameLength << 16) ^ ((ulong)first << 40)
                   ^ (node.IsScalar ? 0x1UL << 60 : 0);
        }
        return hash;
    }

    public bool Matches(EventNode[] nodes, char[] text)
    {
        if (nodes.Length * 4 != _structure.Length)
            return false;
        var at = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            ref readonly var node = ref nodes[i];
            var nameLength = node.NameStart < 0 ? -1 : node.NameLength;
            if (_structure[i * 4] != node.Parent || _structure[i * 4 + 1] != node.End
                || _structure[i * 4 + 2] != nameLength || _structure[i * 4 + 3] != (node.IsScalar ? 1 : 0))
                return false;
            if (nameLength > 0)
            {
                if (!text.AsSpan(node.NameStart, nameLength).SequenceEqual(_names.AsSpan(at, nameLength)))
                    return false;
                at += nameLength;
            }
        }
        return true;
    }
}
