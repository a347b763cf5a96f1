using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>
/// One input format: recognises itself from the first bytes of a file (already decompressed) and its name, and
/// decodes a file into events. Decoders report what they cannot read to <see cref="DecodeContext.Errors"/> with the
/// record's location and go on; they throw only for a file that cannot be read at all.
/// </summary>
public interface IInputFormat
{
    /// <summary>Short name used in messages and <c>--input-format</c> (e.g. <c>evtx</c>, <c>json</c>).</summary>
    string Name { get; }

    /// <summary>How sure the format is that <paramref name="head"/> is its own: 0 not at all, 100 certain (a magic
    /// number). <paramref name="head"/> is up to 64 KiB of the decompressed start of the file.</summary>
    int Probe(ReadOnlySpan<byte> head, string fileName);

    /// <summary>Decodes the file into events in record order.</summary>
    IEnumerable<Event> Read(InputSource source, DecodeContext context);
}
