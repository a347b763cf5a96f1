namespace Parry.Core.Events;

/// <summary>
/// Where an event came from: the path as given on the command line joined with the path inside a folder, and the
/// record number (EVTX) or 1-based record index (other formats). Streams use a stream name as the path.
/// </summary>
public readonly record struct EventOrigin(string Path, long Record)
{
    public override string ToString() => $"{Path}#{Record}";
}
