using System.Collections.Frozen;

namespace Parry.Sigma.Matching;

/// <summary>A field mapping from a table (case-insensitive); fields not in it map to themselves.</summary>
public sealed class DictionaryFieldMapping(IReadOnlyDictionary<string, IReadOnlyList<string>> fields) : IFieldMapping
{
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _fields =
        fields.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Map(string sigmaField) => _fields.TryGetValue(sigmaField, out var mapped) ? mapped : [sigmaField];
}
