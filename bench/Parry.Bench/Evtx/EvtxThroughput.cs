using System.Diagnostics;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest;
using Parry.Ingest.Evtx;
using Parry.Ingest.Sources;

namespace Parry.Bench.Evtx;

/// <summary>
/// Whole-corpus mode: decodes the given files (folders walked for *.evtx) from disk, each <c>--repeat</c> times,
/// with a given degree of parallelism, and prints MB/s, records/s and the process's peak working set.
/// <code>evtx-throughput [--parallelism N] [--repeat R] [--fields none|sigma] PATH...</code>
/// </summary>
internal static class EvtxThroughput
{
    public static int Run(string[] args)
    {
        var parallelism = 1;
        var repeat = 1;
        var sigma = true;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--parallelism": parallelism = int.Parse(args[++i]); break;
                case "--repeat": repeat = int.Parse(args[++i]); break;
                case "--fields": sigma = args[++i] == "sigma"; break;
                default: paths.Add(args[i]); break;
            }
        }
        var files = EvtxCorpus.Expand(paths.Count > 0 ? paths : [EvtxCorpus.DefaultCorpus()]);
        var fields = sigma ? EvtxCorpus.SigmaFields() : new FieldTableBuilder().Build();
        var errors = new CountingSink();
        var context = new DecodeContext(fields, errors) { MaxDegreeOfParallelism = parallelism };
        var format = new EvtxFormat();

        long bytes = 0, chunkBytes = 0, events = 0, scalars = 0;
        var chunksPerFile = files.ToDictionary(f => f, CountChunks);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
        {
            foreach (var file in files)
            {
                bytes += new FileInfo(file).Length;
                chunkBytes += chunksPerFile[file] * 65536L;
                var source = new InputSource(file, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
                foreach (var e in format.Read(source, context))
                {
                    events++;
                    scalars += e.NodeCount;
                }
            }
        }
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"files {files.Count} x{repeat}, {bytes / 1e6:F1} MB, {events} records, {errors.Count} errors, parallelism {parallelism}, fields {(sigma ? "sigma" : "none")}");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine($"{seconds:F2} s wall, {cpu:F2} s CPU: {bytes / 1e6 / seconds:F1} MB/s of file, {chunkBytes / 1e6 / seconds:F1} MB/s of chunks (zero blocks left out), {events / seconds:F0} records/s, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
        Console.WriteLine($"per CPU-second: {bytes / 1e6 / cpu:F1} MB of file, {chunkBytes / 1e6 / cpu:F1} MB of chunks, {events / cpu:F0} records");
        Console.WriteLine($"allocated {allocated / 1e6:F0} MB ({allocated / Math.Max(1, events)} B/record, {scalars / Math.Max(1, events)} nodes/record), GCs gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}");
        return errors.Count == 0 ? 0 : 1;
    }

    // Blocks that hold a chunk (what is decoded); the rest of a file is preallocated zeros, skipped at no cost.
    private static long CountChunks(string file)
    {
        using var stream = File.OpenRead(file);
        var block = new byte[8];
        long chunks = 0;
        for (long at = 4096; at + 65536 <= stream.Length; at += 65536)
        {
            stream.Position = at;
            stream.ReadExactly(block);
            if (block.AsSpan().SequenceEqual("ElfChnk\0"u8))
                chunks++;
        }
        return chunks;
    }

    private sealed class CountingSink : IInputErrorSink
    {
        public int Count;

        public void Report(InputError error)
        {
            if (Interlocked.Increment(ref Count) <= 5)
                Console.Error.WriteLine(error);
        }
    }
}
