namespace Parry.Detection.Reporting;

/// <summary>A snapshot of a running hunt: bytes of input consumed out of the total known, events and detections
/// so far.</summary>
public readonly record struct HuntProgress(long BytesDone, long BytesTotal, long Events, long Detections, int FilesDone, int FilesTotal);
