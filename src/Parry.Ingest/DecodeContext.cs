using Parry.Core.Diagnostics;
using Parry.Core.Events;

namespace Parry.Ingest;

/// <summary>What a decoder needs besides its bytes: the field names to key events by, where to report what it
/// could not read, the bounds on a record, and how much parallelism it may use.</summary>
public sealed class DecodeContext(FieldTable fields, IInputErrorSink errors)
{
    public FieldTable Fields { get; } = fields;

    public IInputErrorSink Errors { get; } = errors;

    public EventLimits Limits { get; init; } = EventLimits.Default;

    /// <summary>Largest single record (a JSON line or object, a text line) in bytes; larger ones are reported and
    /// skipped without being buffered.</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Workers a decoder may use for one file (EVTX decodes chunks in parallel).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>EVTX: verify header, chunk and record checksums; when false, read past bad checksums.</summary>
    public bool VerifyChecksums { get; init; } = true;

    public CancellationToken Cancellation { get; init; }
}
