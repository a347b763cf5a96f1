using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.Layout;

/// <summary>The 512-byte header of a 64 KiB chunk: where its records end and the checksums that cover it.</summary>
internal readonly record struct EvtxChunkHeader(
    ulong FirstRecordId, ulong LastRecordId, uint LastRecordOffset, uint FreeSpaceOffset,
    uint StoredDataChecksum, uint StoredHeaderChecksum)
{
    public const int ChunkSize = 65536;
    public const int HeaderSize = 512;

    public static ReadOnlySpan<byte> Signature => "ElfChnk\0"u8;

    public static EvtxChunkHeader Parse(ReadOnlySpan<byte> chunk) => new(
        FirstRecordId: BinaryPrimitives.ReadUInt64LittleEndian(chunk[24..]),
        LastRecordId: BinaryPrimitives.ReadUInt64LittleEndian(chunk[32..]),
        LastRecordOffset: BinaryPrimitives.ReadUInt32LittleEndian(chunk[44..]),
        FreeSpaceOffset: BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]),
        StoredDataChecksum: BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]),
        StoredHeaderChecksum: BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]));

    /// <summary>CRC-32 of the first 120 bytes and bytes 128 to 512 (the checksum field itself is left out).</summary>
    public static uint ComputeHeaderChecksum(ReadOnlySpan<byte> chunk) =>
        Crc32.Append(Crc32.Compute(chunk[..120]), chunk[128..HeaderSize]);

    /// <summary>Whether the free space offset can bound the records: inside the chunk, after its header.</summary>
    public bool FreeSpaceIsPlausible => FreeSpaceOffset is >= HeaderSize and <= ChunkSize;
}
