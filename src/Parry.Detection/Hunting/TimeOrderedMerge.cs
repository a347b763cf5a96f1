using System.Threading.Channels;

namespace Parry.Detection.Hunting;

/// <summary>
/// Merges the outcome streams of several files into one stream in event-time order (ties: file order, then record
/// order), so correlations and behaviour see an attacker's steps across a web log and an auth log as they
/// happened. Each file is already in its own order; this is a k-way merge over their heads.
/// </summary>
internal static class TimeOrderedMerge
{
    private sealed class Cursor(int file, ChannelReader<List<HuntItem>> reader)
    {
        public int File { get; } = file;
        public ChannelReader<List<HuntItem>> Reader { get; } = reader;
        public List<HuntItem> Batch { get; set; } = [];
        public int Index { get; set; }
        public HuntItem Current => Batch[Index];
    }

    public static async IAsyncEnumerable<HuntItem> MergeAsync(
        IReadOnlyList<ChannelReader<List<HuntItem>>> files,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var heap = new PriorityQueue<Cursor, (long Ticks, int File, long Sequence)>();
        for (var i = 0; i < files.Count; i++)
        {
            var cursor = new Cursor(i, files[i]);
            if (await AdvanceBatchAsync(cursor, cancellation).ConfigureAwait(false))
                heap.Enqueue(cursor, Key(cursor));
        }
        while (heap.TryDequeue(out var cursor, out _))
        {
            yield return cursor.Current;
            cursor.Index++;
            if (cursor.Index < cursor.Batch.Count || await AdvanceBatchAsync(cursor, cancellation).ConfigureAwait(false))
                heap.Enqueue(cursor, Key(cursor));
        }
    }

    private static (long, int, long) Key(Cursor cursor) => (cursor.Current.OrderTicks, cursor.File, cursor.Current.Sequence);

    private static async ValueTask<bool> AdvanceBatchAsync(Cursor cursor, CancellationToken cancellation)
    {
        while (await cursor.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
        {
            if (cursor.Reader.TryRead(out var batch) && batch.Count > 0)
            {
                cursor.Batch = batch;
                cursor.Index = 0;
                return true;
            }
        }
        return false;
    }
}
