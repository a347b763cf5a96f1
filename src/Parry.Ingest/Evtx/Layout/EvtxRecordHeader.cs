using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.Layout;

/// <summary>The 24-byte header of an event record; its size is repeated in the record's last 4 bytes.</summary>
internal readonly record struct EvtxRecordHeader(uint Size, ulong RecordId, long WrittenFileTime)
{
    public const int HeaderSize = 24;

    /// <summary>Header, at least one byte of binary XML, and the size copy.</summary>
    public const int MinimumSize = HeaderSize + 1 + 4;

    public const uint Magic = 0x00002A2A;

    public static ReadOnlySpan<byte> MagicBytes => [0x2A, 0x2A, 0x00, 0x00];

    public static EvtxRecordHeader Parse(ReadOnlySpan<byte> at) => new(
        Size: BinaryPrimitives.ReadUInt32LittleEndian(at[4..]),
        RecordId: BinaryPrimitives.ReadUInt64LittleEndian(at[8..]),
        WrittenFileTime: BinaryPrimitives.ReadInt64LittleEndian(at[16..]));
}
