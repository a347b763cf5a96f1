using System.Buffers;
using Parry.Core.Diagnostics;
using Parry.Ingest.Evtx.Layout;

namespace Parry.Ingest.Evtx.Decoding;

/// <summary>
/// Reads an EVTX stream front to back: the file header, then every 64 KiB block to the end of the stream, whatever
/// chunk count the header claims (a dirty file's count can be short). Works the same on a file and on a stream that
/// cannot seek (a gzip stream). Blocks of zeros after the last chunk (preallocated space) are passed over; zeros
/// between chunks (wiped or never written) are reported and passed over.
/// </summary>
internal sealed class ChunkSource : IDisposable
{
    private readonly Stream _stream;
    private readonly string _path;
    private readonly IInputErrorSink _errors;
    private long _next;
    private long _zeroRunStart = -1;
    private bool _ended;

    private ChunkSource(Stream stream, string path, IInputErrorSink errors)
    {
        _stream = stream;
        _path = path;
        _errors = errors;
    }

    /// <summary>Opens the source and reads its file header; null (with the reason reported) when the stream is not
    /// an EVTX file.</summary>
    public static ChunkSource? Open(Stream stream, string path, DecodeContext context)
    {
        var source = new ChunkSource(stream, path, context.Errors);
        var header = new byte[EvtxFileHeader.Size];
        var read = source.ReadBlock(header, chunkIndex: null);
        if (read < 0)
        {
            source.Dispose();
            return null;
        }
        if (!EvtxFileHeader.HasSignature(header.AsSpan(0, read)))
        {
            source.Report(null, "not an EVTX file: the ElfFile signature is missing");
            source.Dispose();
            return null;
        }
        if (read < EvtxFileHeader.Size)
        {
            source.Report(null, $"file header truncated: {read} of {EvtxFileHeader.Size} bytes");
            source.Dispose();
            return null;
        }
        if (context.VerifyChecksums && !EvtxFileHeader.Parse(header).ChecksumMatches)
            source.Report(null, "file header checksum mismatch; reading the chunks anyway");
        return source;
    }

    /// <summary>The next non-empty block, in a pooled buffer the caller returns.</summary>
    public bool TryRead(out RentedChunk chunk)
    {
        while (!_ended)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(EvtxChunkHeader.ChunkSize);
            var index = _next;
            var read = ReadBlock(buffer.AsSpan(0, EvtxChunkHeader.ChunkSize), index);
            if (read <= 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                _ended = true;
                break;
            }
            _next++;
            if (read < EvtxChunkHeader.ChunkSize)
                _ended = true;
            var block = buffer.AsSpan(0, read);
            if (!block.StartsWith(EvtxChunkHeader.Signature) && !block.ContainsAnyExcept((byte)0))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                if (_zeroRunStart < 0)
                    _zeroRunStart = index;
                continue;
            }
            if (_zeroRunStart >= 0)
            {
                var run = _zeroRunStart == index - 1 ? $"block {_zeroRunStart} is" : $"blocks {_zeroRunStart} to {index - 1} are";
                Report(_zeroRunStart, $"{run} all zeros between chunks (wiped or never written); skipped");
                _zeroRunStart = -1;
            }
            chunk = new RentedChunk(buffer, read, index);
            return true;
        }
        chunk = default;
        return false;
    }

    public void Dispose() => _stream.Dispose();

    // Fills the block as far as the stream goes; -1 when reading failed (reported: a damaged gzip stream, a disk
    // error), after which the file ends there.
    private int ReadBlock(Span<byte> block, long? chunkIndex)
    {
        try
        {
            return _stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Report(chunkIndex, $"read failed, the rest of the file is skipped: {e.Message}");
            _ended = true;
            return -1;
        }
    }

    private void Report(long? chunkIndex, string message) =>
        _errors.Report(new InputError(_path, null, message) { Chunk = chunkIndex });
}
