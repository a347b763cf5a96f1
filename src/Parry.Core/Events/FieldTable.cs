using System.Collections.Frozen;

namespace Parry.Core.Events;

/// <summary>
/// The field names that anything downstream will ask an event for (rule fields, log-source conditions, actor keys),
/// each with a dense integer id. Names are compared case-insensitively, the way a detection engineer expects
/// <c>image</c> and <c>Image</c> to be one field.
/// </summary>
/// <remarks>
/// Only names somebody asked for are in the table, so a decoder keys an event's nodes by looking paths up here and
/// never interns what the input brings: hostile input with a million distinct keys cannot grow it.
/// </remarks>
public sealed class FieldTable
{
    public static readonly FieldTable Empty = new([]);

    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly string[] _names;

    internal FieldTable(IReadOnlyList<string> names)
    {
        _names = [.. names];
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _names.Length; i++)
            ids.TryAdd(_names[i], i);
        _ids = ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _spanLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _names.Length;

    /// <summary>The id of a field name, or -1 when nobody asked for it.</summary>
    public int IdOf(ReadOnlySpan<char> name) => _spanLookup.TryGetValue(name, out var id) ? id : -1;

    public string NameOf(int id) => _names[id];
}
