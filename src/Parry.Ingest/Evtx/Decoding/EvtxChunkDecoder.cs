using System.Buffers.Binary;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Evtx.BinXml;
using Parry.Ingest.Evtx.Layout;
using Parry.Ingest.Evtx.Rendering;

namespace Parry.Ingest.Evtx.Decoding;

/// <summary>
/// Decodes one chunk at a time into events: checks the chunk, walks its records up to the free space offset (what
/// lies beyond is slack, not records), and turns each record's binary XML into an event. A bad chunk or record is
/// reported with its location and skipped; the rest goes on. One decoder per worker: it owns its builder, its XML
/// trees and the chunk's template cache, so workers share nothing.
/// </summary>
internal sealed class EvtxChunkDecoder
{
    private const string SourceKind = "evtx";

    private readonly string _path;
    private readonly DecodeContext _context;
    private readonly BinXmlReader _reader = new();
    private readonly EventBuilder _builder;
    private readonly EvtxEventWriter _writer;

    private const int MaxPresizedEvents = 512;

    public EvtxChunkDecoder(string path, DecodeContext context)
    {
        _path = path;
        _context = context;
        _builder = new EventBuilder(context.Limits);
        _writer = new EvtxEventWriter(_builder, context.Limits.MaxTextChars);
    }

    public ChunkResult Decode(RentedChunk chunk)
    {
        var result = new ChunkResult();
        try
        {
            DecodeChunk(chunk, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A decoder bug must not end the run or pass unseen: the chunk is reported, as any bad chunk is.
            result.Report(Error(chunk.Index, null, $"internal decoder error: {e.GetType().Name}: {e.Message}"));
        }
        return result;
    }

    private void DecodeChunk(RentedChunk chunk, ChunkResult result)
    {
        var span = chunk.Buffer.AsSpan(0, EvtxChunkHeader.ChunkSize);
        var verify = _context.VerifyChecksums;
        if (chunk.Length < EvtxChunkHeader.ChunkSize)
        {
            result.Report(Error(chunk.Index, null, $"chunk truncated: {chunk.Length} of {EvtxChunkHeader.ChunkSize} bytes"
                + (verify ? "; skipped" : "; reading the records it holds")));
            if (verify)
                return;
            span[chunk.Length..].Clear();
        }
        if (!span.StartsWith(EvtxChunkHeader.Signature))
        {
            result.Report(Error(chunk.Index, null, "not a chunk: the ElfChnk signature is missing; skipped"));
            return;
        }

        var header = EvtxChunkHeader.Parse(span);
        var recordsEnd = (int)header.FreeSpaceOffset;
        if (verify)
        {
            var computed = EvtxChunkHeader.ComputeHeaderChecksum(span);
            if (computed != header.StoredHeaderChecksum)
            {
                result.Report(Error(chunk.Index, null, $"chunk header checksum mismatch (stored 0x{header.StoredHeaderChecksum:x8}, computed 0x{computed:x8}); skipped"));
                return;
            }
            if (!header.FreeSpaceIsPlausible)
            {
                result.Report(Error(chunk.Index, null, $"chunk free space offset {header.FreeSpaceOffset} is outside the chunk; skipped"));
                return;
            }
            var data = Crc32.Compute(span[EvtxChunkHeader.HeaderSize..recordsEnd]);
            if (data != header.StoredDataChecksum)
            {
                result.Report(Error(chunk.Index, null, $"event records checksum mismatch (stored 0x{header.StoredDataChecksum:x8}, computed 0x{data:x8}); skipped"));
                return;
            }
        }
        else if (!header.FreeSpaceIsPlausible)
        {
            result.Report(Error(chunk.Index, null, $"chunk free space offset {header.FreeSpaceOffset} is outside the chunk; reading to the chunk end"));
            recordsEnd = EvtxChunkHeader.ChunkSize;
        }

        _reader.BeginChunk(chunk.Buffer, EvtxChunkHeader.ChunkSize);
        // The header's record ids say how many events to expect: the list is sized once instead of growing by
        // doubling (bounded, since a damaged header may claim anything; a 64 KB chunk rarely holds more).
        if (header.LastRecordId >= header.FirstRecordId && header.LastRecordId - header.FirstRecordId < MaxPresizedEvents)
            result.Events.Capacity = (int)(header.LastRecordId - header.FirstRecordId) + 1;
        DecodeRecords(span, header, recordsEnd, chunk.Index, result);
    }

    private void DecodeRecords(ReadOnlySpan<byte> span, EvtxChunkHeader header, int recordsEnd, long chunkIndex, ChunkResult result)
    {
        var offset = EvtxChunkHeader.HeaderSize;
        while (offset + EvtxRecordHeader.MinimumSize <= recordsEnd)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            var at = span[offset..];
            if (!at.StartsWith(EvtxRecordHeader.MagicBytes))
            {
                if (!span[offset..recordsEnd].ContainsAnyExcept((byte)0))
                    break; // zero fill after the last record
                result.Report(Error(chunkIndex, null, $"no record signature at chunk offset {offset}; looking for the next record"));
                if (!TryFindNextRecord(span, offset + 1, recordsEnd, out offset))
                    break;
                continue;
            }

            var record = EvtxRecordHeader.Parse(at);
            var id = (long)record.RecordId;
            if (record.Size < EvtxRecordHeader.MinimumSize || record.Size > recordsEnd - offset
                || BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + (int)record.Size - 4)..]) != record.Size)
            {
                result.Report(Error(chunkIndex, id, $"record at chunk offset {offset} has a bad size ({record.Size}); looking for the next record"));
                if (!TryFindNextRecord(span, offset + 4, recordsEnd, out offset))
                    break;
                continue;
            }

            DecodeRecord(offset, record, chunkIndex, result);
            if (offset == header.LastRecordOffset)
                break;
            offset += (int)record.Size;
        }
    }

    private static bool TryFindNextRecord(ReadOnlySpan<byte> span, int from, int recordsEnd, out int next)
    {
        var found = from < recordsEnd ? span[from..recordsEnd].IndexOf(EvtxRecordHeader.MagicBytes) : -1;
        next = found < 0 ? recordsEnd : from + found;
        return found >= 0;
    }

    private void DecodeRecord(int offset, EvtxRecordHeader record, long chunkIndex, ChunkResult result)
    {
        var id = (long)record.RecordId;
        try
        {
            var tree = _reader.ParseRecord(offset + EvtxRecordHeader.HeaderSize, offset + (int)record.Size - 4);
            _builder.Reset();
            _writer.Write(tree, _reader.ChunkBuffer);
            var time = _writer.TimeCreated ?? ValueText.FileTime(record.WrittenFileTime);
            var origin = new EventOrigin(_path, _writer.EventRecordId ?? id);
            result.Events.Add(_builder.Build(_context.Fields, origin, SourceKind, time));
        }
        catch (EvtxFormatException e)
        {
            result.Report(Error(chunkIndex, id, e.Message));
        }
        catch (EventTooLargeException e)
        {
            result.Report(Error(chunkIndex, id, $"record too large: {e.Message}"));
        }
    }

    private InputError Error(long chunkIndex, long? record, string message) =>
        new(_path, record, message) { Chunk = chunkIndex };
}
