namespace Parry.Core.Events;

/// <summary>
/// Collects the field names that rules, mappings and analytics will look up, handing out ids as it goes; frozen
/// into a <see cref="FieldTable"/> before any event is decoded.
/// </summary>
public sealed class FieldTableBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public int Intern(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_ids.TryGetValue(name, out var id))
            return id;
        id = _names.Count;
        _names.Add(name);
        _ids.Add(name, id);
        return id;
    }

    public int Count => _names.Count;

    public FieldTable Build() => new(_names);
}
