namespace Parry.Core.Events;

/// <summary>
/// The field names that anything downstream will ask an event for (rule fields, log-source conditions, actor keys),
/// each with a dense integer id. Names are compared case-insensitively, the way a detection engineer expects
/// <c>image</c> and <c>Image</c> to be one field.
/// </summary>
/// <remarks>
/// Only names somebody asked for are in the table, so a decoder keys an event's nodes by looking paths up here and
/// never interns what the input brings: hostile input with a million distinct keys cannot grow it. Lookups go by
/// an incrementally computed <see cref="FieldNameHash"/> into an open-addressing table, so keying a node whose path
/// nobody asked for costs one probe.
/// </remarks>
public sealed class FieldTable
{
    public static readonly FieldTable Empty = new([]);

    private readonly string[] _names;
    private readonly ulong[] _slotHashes;
    private readonly int[] _slotIds;   // id + 1; 0 marks an empty slot
    private readonly int _mask;

    internal FieldTable(IReadOnlyList<string> names)
    {
        _names = [.. names];
        var size = 16;
        while (size < _names.Length * 3)
            size <<= 1;
        _slotHashes = new ulong[size];
        _slotIds = new int[size];
        _mask = size - 1;
        for (var id = 0; id < _names.Length; id++)
        {
            var hash = FieldNameHash.Finish(FieldNameHash.Of(_names[id]));
            if (Find(FieldNameHash.Of(_names[id]), _names[id]) >= 0)
                continue; // the same name in another case: the first id stands
            var slot = (int)hash & _mask;
            while (_slotIds[slot] != 0)
                slot = (slot + 1) & _mask;
            _slotHashes[slot] = hash;
            _slotIds[slot] = id + 1;
        }
    }

    public int Count => _names.Length;

    /// <summary>The id of a field name, or -1 when nobody asked for it.</summary>
    public int IdOf(ReadOnlySpan<char> name) => Find(FieldNameHash.Of(name), name);

    public string NameOf(int id) => _names[id];

    /// <summary>The id of a name whose <see cref="FieldNameHash"/> the caller computed already.</summary>
    internal int Find(ulong hash, ReadOnlySpan<char> name)
    {
        if (_names.Length == 0)
            return -1;
        hash = FieldNameHash.Finish(hash);
        var slot = (int)hash & _mask;
        while (true)
        {
            var id = _slotIds[slot];
            if (id == 0)
                return -1;
            if (_slotHashes[slot] == hash && name.Equals(_names[id - 1], StringComparison.OrdinalIgnoreCase))
                return id - 1;
            slot = (slot + 1) & _mask;
        }
    }
}
