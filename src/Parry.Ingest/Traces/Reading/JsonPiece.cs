using System.Text.Json;

namespace Parry.Ingest.Traces.Reading;

/// <summary>One value handed out: the top-level property it belongs to, the 0-based index of the top-level value
/// and of the element, and the document — or the reason it could not be read (<see cref="Fatal"/>: the walk ends
/// there).</summary>
internal sealed record JsonPiece(string Property, int Value, long Element, JsonDocument? Document, string? Error, bool Fatal = false) : IDisposable
{
    public void Dispose() => Document?.Dispose();
}
