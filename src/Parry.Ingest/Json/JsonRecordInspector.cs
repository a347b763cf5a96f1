using Parry.Core.Events;

namespace Parry.Ingest.Json;

/// <summary>
/// Per-file hook a JSON flavour uses to look at each record's top-level properties as they stream past and to add
/// properties of its own before the record closes (Zeek's <c>_path</c> when the line lacks it). Holds per-file
/// state, so one is made per file.
/// </summary>
internal abstract class JsonRecordInspector
{
    /// <summary>Called before each record.</summary>
    public virtual void StartRecord()
    {
    }

    /// <summary>A top-level property name.</summary>
    public virtual void RootProperty(ReadOnlySpan<char> name)
    {
    }

    /// <summary>The scalar value (string text or number text) of the top-level property last named.</summary>
    public virtual void RootValue(ReadOnlySpan<char> value)
    {
    }

    /// <summary>Called with the root object still open, so the flavour may add properties.</summary>
    public virtual void EndRecord(EventBuilder builder)
    {
    }
}
