using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.BinXml;

/// <summary>
/// Reads little-endian fields from a range of a chunk. Every read is checked against the end of the range, so a
/// length or offset read from the file can never take the reader outside it.
/// </summary>
internal ref struct ChunkCursor(ReadOnlySpan<byte> chunk, int position, int end)
{
    private readonly ReadOnlySpan<byte> _chunk = chunk;

    /// <summary>Offset from the start of the chunk.</summary>
    public int Position = position;

    public readonly int End = end;

    public readonly bool AtEnd => Position >= End;

    public byte ReadByte()
    {
        Need(1);
        return _chunk[Position++];
    }

    public ushort ReadUInt16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[Position..]);
        Position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_chunk[Position..]);
        Position += 4;
        return value;
    }

    public void Skip(long count)
    {
        if (count < 0 || count > End - Position)
            throw Truncated(count);
        Position += (int)count;
    }

    private readonly void Need(int count)
    {
        if (End - Position < count)
            throw Truncated(count);
    }

    private readonly EvtxFormatException Truncated(long count) =>
        new($"binary XML truncated: {count} bytes needed at chunk offset {Position}, {Math.Max(0, End - Position)} left");
}
