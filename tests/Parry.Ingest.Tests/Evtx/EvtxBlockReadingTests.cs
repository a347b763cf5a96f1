using Parry.Core.Events;
using Parry.Ingest.Evtx;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>Reading in blocks (the hunt's decode-and-match on one worker) must hand on exactly what reading event by
/// event does: the same events in the same order, the same errors, one block per chunk.</summary>
public class EvtxBlockReadingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Blocks_hold_the_events_of_an_event_by_event_read_in_file_order(int parallelism)
    {
        var bytes = EvtxDamage.ThreeChunkFile();
        var (expected, expectedErrors) = EvtxTestFiles.Decode("three.evtx", bytes, parallelism: 1);

        var (blocks, errors) = ReadBlocks("three.evtx", bytes, parallelism);

        blocks.Count.ShouldBe(3); // one per chunk
        blocks.SelectMany(b => b).Select(EvtxTestFiles.ToJson).ShouldBe(expected.Select(EvtxTestFiles.ToJson));
        errors.ShouldBe(expectedErrors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_damaged_chunk_reports_its_errors_as_an_event_by_event_read_does(int parallelism)
    {
        var bytes = EvtxDamage.ThreeChunkFile();
        var record = EvtxDamage.RecordOffsets(bytes, 1)[2];
        bytes[record] ^= 0xFF; // the second chunk's third record loses its signature
        EvtxDamage.FixChecksums(bytes);
        var (expected, expectedErrors) = EvtxTestFiles.Decode("damaged.evtx", bytes, parallelism: 1);
        expectedErrors.ShouldNotBeEmpty();

        var (blocks, errors) = ReadBlocks("damaged.evtx", bytes, parallelism);

        blocks.SelectMany(b => b).Select(EvtxTestFiles.ToJson).ShouldBe(expected.Select(EvtxTestFiles.ToJson));
        errors.ShouldBe(expectedErrors);
    }

    [Fact]
    public void Errors_of_a_block_are_reported_before_its_result_is_handed_on()
    {
        var bytes = EvtxDamage.ThreeChunkFile();
        bytes[EvtxDamage.ChunkStart(1)] ^= 0xFF; // the second chunk loses its signature
        var sink = new CollectingErrorSink();
        var context = new DecodeContext(EvtxTestFiles.NoFields, sink) { MaxDegreeOfParallelism = 2 };
        var seen = new List<int>();

        foreach (var count in new EvtxFormat().ReadBlocks(Source("bad.evtx", bytes), context, events => events.Count))
            seen.Add(sink.Errors.Count);

        seen.Count.ShouldBe(3);
        seen[0].ShouldBe(0);
        seen[1].ShouldBe(1); // the bad chunk's error, reported before its (empty) block
        seen[2].ShouldBe(1);
    }

    private static (List<List<Event>> Blocks, IReadOnlyList<Parry.Core.Diagnostics.InputError> Errors) ReadBlocks(
        string name, byte[] bytes, int parallelism)
    {
        var sink = new CollectingErrorSink();
        var context = new DecodeContext(EvtxTestFiles.NoFields, sink) { MaxDegreeOfParallelism = parallelism };
        // The work copies its block: the reader's lists are its own.
        var blocks = new EvtxFormat().ReadBlocks(Source(name, bytes), context, events => events.ToList()).ToList();
        return (blocks, sink.Errors);
    }

    private static InputSource Source(string name, byte[] bytes) => new(name, () => new MemoryStream(bytes, writable: false));
}
