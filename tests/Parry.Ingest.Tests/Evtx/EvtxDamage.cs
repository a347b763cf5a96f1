using System.Buffers.Binary;
using Parry.Ingest.Evtx.Layout;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>Real corpus files, loaded into memory and damaged in known ways for robustness tests.</summary>
internal static class EvtxDamage
{
    public const int FileHeaderSize = 4096;
    public const int ChunkSize = 65536;

    /// <summary>A 3-chunk attack sample cut to its header and chunks (its trailing preallocated zeros dropped).</summary>
    public static byte[] ThreeChunkFile() => Load("Credential Access/etw_rpc_zerologon.evtx", chunks: 3);

    public static byte[] Load(string relative, int chunks)
    {
        var bytes = File.ReadAllBytes(EvtxTestFiles.AttackSample(relative));
        return bytes[..(FileHeaderSize + (chunks * ChunkSize))];
    }

    public static int ChunkStart(int chunk) => FileHeaderSize + (chunk * ChunkSize);

    /// <summary>File offsets of the records of a chunk, walking their sizes.</summary>
    public static List<int> RecordOffsets(byte[] file, int chunk)
    {
        var start = ChunkStart(chunk);
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(start + 48));
        var offsets = new List<int>();
        for (var at = 512; at + 24 <= free;)
        {
            offsets.Add(start + at);
            at += (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(start + at + 4));
        }
        return offsets;
    }

    public static ulong RecordNumber(byte[] file, int recordOffset) =>
        BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(recordOffset + 8));

    /// <summary>Recomputes every chunk's header and data checksums, so damage reaches the record parser even when
    /// checksums are verified.</summary>
    public static void FixChecksums(byte[] file)
    {
        for (var start = FileHeaderSize; start + ChunkSize <= file.Length; start += ChunkSize)
        {
            var chunk = file.AsSpan(start, ChunkSize);
            if (!chunk.StartsWith(EvtxChunkHeader.Signature))
                continue;
            var free = (int)Math.Clamp(BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]), 512u, (uint)ChunkSize);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], Crc32.Compute(chunk[512..free]));
            BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], EvtxChunkHeader.ComputeHeaderChecksum(chunk));
        }
    }

    /// <summary>Where a record's template instance keeps its substitution count: after the fragment header, the
    /// instance token, its 9 bytes, and the template definition when it is stored inline there.</summary>
    public static int SubstitutionCountOffset(byte[] file, int recordOffset, out int inlineDefinitionSizeOffset)
    {
        var chunkStart = FileHeaderSize + ((recordOffset - FileHeaderSize) / ChunkSize * ChunkSize);
        var at = recordOffset + 24;
        if (file[at] != 0x0F || file[at + 4] != 0x0C)
            throw new InvalidOperationException("record does not start with a fragment header and a template instance");
        at += 5 + 1 + 4;
        var definition = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
        at += 4;
        inlineDefinitionSizeOffset = -1;
        if (definition == at - chunkStart)
        {
            inlineDefinitionSizeOffset = at + 20;
            at += 24 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 20));
        }
        return at;
    }
}
