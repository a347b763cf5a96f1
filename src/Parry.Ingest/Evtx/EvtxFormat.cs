using Parry.Core.Events;
using Parry.Ingest.Evtx.Decoding;
using Parry.Ingest.Evtx.Layout;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Evtx;

/// <summary>
/// Windows event logs (<c>.evtx</c>), read natively: every record becomes an event in evtx_dump's JSON shape
/// (<c>{"Event":{"#attributes":…,"System":…,"EventData":…}}</c>) with source kind <c>evtx</c>, System/EventRecordID
/// as its record number (else the record header's number: they differ in exported logs, which renumber headers) and
/// System/TimeCreated/@SystemTime as its time (else the time the record was written).
/// </summary>
/// <remarks>
/// Chunks decode in parallel (<see cref="DecodeContext.MaxDegreeOfParallelism"/>); events come out in file order.
/// Checksums are verified unless <see cref="DecodeContext.VerifyChecksums"/> is off. A bad chunk or record is
/// reported to <see cref="DecodeContext.Errors"/> with its file, chunk (0-based) and record number (the record header's),
/// and skipped. The stream
/// from <see cref="InputSource.Open"/> is read front to back once and need not be seekable.
/// </remarks>
public sealed class EvtxFormat : IBlockFormat
{
    public string Name => "evtx";

    public int Probe(ReadOnlySpan<byte> head, string fileName) => EvtxFileHeader.HasSignature(head) ? 100 : 0;

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The EVTX reader reads UTF-16 text in place and needs a little-endian machine.");
        return EvtxFileReader.Read(source, context);
    }

    /// <summary>Blocks are chunks: <paramref name="work"/> runs on each chunk's events on the worker that decoded
    /// it.</summary>
    public IEnumerable<T> ReadBlocks<T>(InputSource source, DecodeContext context, Func<IReadOnlyList<Event>, T> work)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The EVTX reader reads UTF-16 text in place and needs a little-endian machine.");
        return EvtxFileReader.ReadBlocks(source, context, work);
    }
}
