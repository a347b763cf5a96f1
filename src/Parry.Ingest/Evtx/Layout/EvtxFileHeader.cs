using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.Layout;

/// <summary>
/// The 4 KiB file header. Only the signature and checksum matter for reading: the chunk count is not trusted
/// (a dirty file's count can be smaller than the chunks present), so chunks are read until the end of the file.
/// </summary>
internal readonly record struct EvtxFileHeader(ushort ChunkCount, uint Flags, bool ChecksumMatches, ushort MajorVersion, ushort MinorVersion)
{
    public const int Size = 4096;

    public static ReadOnlySpan<byte> Signature => "ElfFile\0"u8;

    public bool IsDirty => (Flags & 1) != 0;

    public static bool HasSignature(ReadOnlySpan<byte> head) => head.StartsWith(Signature);

    /// <summary>Reads the header fields; the caller has checked the signature and that 128 bytes are present.</summary>
    public static EvtxFileHeader Parse(ReadOnlySpan<byte> header)
    {
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header[124..]);
        return new EvtxFileHeader(
            ChunkCount: BinaryPrimitives.ReadUInt16LittleEndian(header[42..]),
            Flags: BinaryPrimitives.ReadUInt32LittleEndian(header[120..]),
            ChecksumMatches: Crc32.Compute(header[..120]) == stored,
            MajorVersion: BinaryPrimitives.ReadUInt16LittleEndian(header[38..]),
            MinorVersion: BinaryPrimitives.ReadUInt16LittleEndian(header[36..]));
    }
}
