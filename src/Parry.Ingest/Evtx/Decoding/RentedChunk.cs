using System.Buffers;

namespace Parry.Ingest.Evtx.Decoding;

/// <summary>One 64 KiB block read from the file into a pooled buffer: its bytes (fewer than a chunk only at a
/// truncated end) and its 0-based index in the file.</summary>
internal readonly record struct RentedChunk(byte[] Buffer, int Length, long Index)
{
    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
