using Parry.Ingest.LogSources;
using Parry.Sigma.Compilation;

namespace Parry.Detection.Matching;

/// <summary>A mapping entry's <c>fields</c> as the Sigma compiler's field mapping.</summary>
internal sealed class EntryFieldMapping(LogSourceEntry entry) : IFieldMapping
{
    public IReadOnlyList<string> Map(string sigmaField) => entry.MapField(sigmaField);

    /// <summary>A key that is equal for two entries exactly when they map <paramref name="fields"/> alike.</summary>
    public string Signature(IEnumerable<string> fields) =>
        string.Join('\n', fields.Where(f => entry.Fields.ContainsKey(f)).Order(StringComparer.OrdinalIgnoreCase)
            .Select(f => f + "=" + string.Join(',', entry.MapField(f))));
}
