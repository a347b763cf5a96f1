namespace Parry.Detection.Hunting;

/// <summary>Totals that producer threads add to and the progress reporter reads.</summary>
internal sealed class HuntCounters
{
    private long _events;
    private long _bytes;
    private long _detections;
    private int _filesDone;

    public long Events => Interlocked.Read(ref _events);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Detections => Interlocked.Read(ref _detections);

    public int FilesDone => Volatile.Read(ref _filesDone);

    public void AddEvents(long count) => Interlocked.Add(ref _events, count);

    public void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

    public void AddDetections(long count) => Interlocked.Add(ref _detections, count);

    public void FileDone() => Interlocked.Increment(ref _filesDone);
}
