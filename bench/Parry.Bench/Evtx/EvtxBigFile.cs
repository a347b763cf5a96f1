using System.Buffers.Binary;
using Parry.Ingest.Evtx.Layout;

namespace Parry.Bench.Evtx;

/// <summary>
/// Makes a large EVTX file for memory and throughput runs: the file header of the first corpus file, then the
/// corpus's real chunks over and over until the size is reached. Chunk checksums stay valid (each chunk is copied
/// whole); record numbers repeat, which the reader does not mind.
/// <code>evtx-bigfile OUT SIZE_MB [CORPUS]</code>
/// </summary>
internal static class EvtxBigFile
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    public static int Run(string[] args)
    {
        var output = args[0];
        var target = long.Parse(args[1]) << 20;
        var files = EvtxCorpus.Expand([args.Length > 2 ? args[2] : EvtxCorpus.DefaultCorpus()]);
        var chunks = new List<byte[]>();
        byte[]? header = null;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            header ??= bytes[..HeaderSize];
            for (var at = HeaderSize; at + ChunkSize <= bytes.Length; at += ChunkSize)
            {
                if (bytes.AsSpan(at, 8).SequenceEqual("ElfChnk\0"u8))
                    chunks.Add(bytes[at..(at + ChunkSize)]);
            }
        }
        if (header is null)
            throw new InvalidOperationException("no EVTX file found");
        using var stream = File.Create(output);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(42), ushort.MaxValue); // chunk count: not trusted anyway
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), Crc32.Compute(header.AsSpan(0, 120)));
        stream.Write(header);
        long written = HeaderSize;
        for (var i = 0; written < target; i++, written += ChunkSize)
            stream.Write(chunks[i % chunks.Count]);
        Console.WriteLine($"{output}: {written / 1e6:F0} MB, {(written - HeaderSize) / ChunkSize} chunks from {chunks.Count} distinct");
        return 0;
    }
}
