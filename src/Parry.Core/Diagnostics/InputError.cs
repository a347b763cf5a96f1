namespace Parry.Core.Diagnostics;

/// <summary>
/// A record, chunk or file that could not be read, and where: the path as given, the record number or 1-based
/// record index when one applies, and a message a person can act on. Errors are counted and reported; the run goes
/// on.
/// </summary>
public sealed record InputError(string Path, long? Record, string Message)
{
    /// <summary>For container formats (an EVTX chunk): the container's index, 0-based.</summary>
    public long? Chunk { get; init; }

    public override string ToString()
    {
        var at = Chunk is { } c ? $" chunk {c}" : "";
        at += Record is { } r ? $" record {r}" : "";
        return $"{Path}{at}: {Message}";
    }
}
