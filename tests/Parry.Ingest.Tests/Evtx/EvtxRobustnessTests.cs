using System.Buffers.Binary;
using Parry.Core.Diagnostics;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>
/// Damaged files, derived in memory from a real 3-chunk corpus file: the reader never throws, never hangs, keeps
/// memory bounded whatever the lengths in the file claim, reports each problem with its file, chunk and record, and
/// decodes everything the damage did not reach.
/// </summary>
public class EvtxRobustnessTests
{
    private const string Name = "damaged.evtx";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static readonly byte[] Original = EvtxDamage.ThreeChunkFile();
    private static readonly int[] PerChunk = [.. Enumerable.Range(0, 3).Select(c => EvtxDamage.RecordOffsets(Original, c).Count)];
    private static readonly int Total = PerChunk.Sum();

    private static (int Events, IReadOnlyList<InputError> Errors, long Allocated) Decode(byte[] file, bool verify = true)
    {
        var result = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var (events, errors) = EvtxTestFiles.Decode(Name, file, verify, parallelism: 1);
            return (events.Count, errors, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        result.Wait(HangGuard).ShouldBeTrue("decoding did not finish: a hang");
        return result.Result;
    }

    [Fact]
    public void The_undamaged_file_decodes_cleanly()
    {
        PerChunk.ShouldAllBe(n => n > 0);
        var (events, errors, _) = Decode(Original);
        errors.ShouldBeEmpty();
        events.ShouldBe(Total);
    }

    [Fact]
    public void A_file_truncated_inside_a_chunk_keeps_the_whole_chunks_and_reports_the_cut_one()
    {
        var chunk2 = EvtxDamage.RecordOffsets(Original, 2);
        var file = Original[..(chunk2[chunk2.Count / 2] + 10)];
        var (events, errors, _) = Decode(file);
        events.ShouldBe(PerChunk[0] + PerChunk[1]);
        var error = errors.ShouldHaveSingleItem();
        (error.Path, error.Chunk, error.Record).ShouldBe((Name, 2L, (long?)null));
        error.Message.ShouldContain("truncated");

        // Not verifying checksums, the records wholly inside the cut chunk are read as well.
        var (more, lenientErrors, _) = Decode(file, verify: false);
        more.ShouldBeGreaterThan(PerChunk[0] + PerChunk[1]);
        more.ShouldBeLessThan(Total);
        lenientErrors.ShouldAllBe(e => e.Chunk == 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4095)]
    public void A_file_cut_inside_its_header_is_reported(int length)
    {
        var (events, errors, _) = Decode(Original[..length]);
        events.ShouldBe(0);
        errors.ShouldHaveSingleItem().Path.ShouldBe(Name);
    }

    [Fact]
    public void A_flipped_byte_fails_its_chunk_checksum_and_only_that_chunk_is_skipped()
    {
        var file = (byte[])Original.Clone();
        file[EvtxDamage.RecordOffsets(file, 1)[3] + 100] ^= 0x5A;
        var (events, errors, _) = Decode(file);
        events.ShouldBe(PerChunk[0] + PerChunk[2]);
        var error = errors.ShouldHaveSingleItem();
        error.Chunk.ShouldBe(1);
        error.Message.ShouldContain("checksum");

        var (lenient, lenientErrors, _) = Decode(file, verify: false);
        lenient.ShouldBeGreaterThanOrEqualTo(Total - 1);
        lenientErrors.ShouldAllBe(e => e.Chunk == 1);
    }

    [Fact]
    public void A_corrupt_chunk_header_is_reported_and_skipped()
    {
        var file = (byte[])Original.Clone();
        file[EvtxDamage.ChunkStart(0) + 20] ^= 0xFF;
        var (events, errors, _) = Decode(file);
        events.ShouldBe(PerChunk[1] + PerChunk[2]);
        errors.ShouldHaveSingleItem().Chunk.ShouldBe(0);
    }

    [Fact]
    public void An_unknown_token_fails_only_its_record()
    {
        var file = (byte[])Original.Clone();
        var record = EvtxDamage.RecordOffsets(file, 1)[2];
        file[record + 24 + 4] = 0x1C; // the template instance token
        EvtxDamage.FixChecksums(file);
        var (events, errors, _) = Decode(file);
        events.ShouldBe(Total - 1);
        var error = errors.ShouldHaveSingleItem();
        (error.Chunk, error.Record).ShouldBe((1L, (long?)(long)EvtxDamage.RecordNumber(file, record)));
        error.Message.ShouldContain("0x1c");
    }

    [Fact]
    public void A_zeroed_chunk_between_chunks_is_reported_and_the_others_read()
    {
        var file = (byte[])Original.Clone();
        Array.Clear(file, EvtxDamage.ChunkStart(1), EvtxDamage.ChunkSize);
        var (events, errors, _) = Decode(file);
        events.ShouldBe(PerChunk[0] + PerChunk[2]);
        var error = errors.ShouldHaveSingleItem();
        error.Chunk.ShouldBe(1);
        error.Message.ShouldContain("zeros");
    }

    [Fact]
    public void Duplicated_and_extra_chunks_past_the_header_count_are_read()
    {
        // Chunk 0 copied over chunk 1, and again after the last chunk the header counts (a dirty file).
        var file = Original.Concat(Original[EvtxDamage.ChunkStart(0)..EvtxDamage.ChunkStart(1)]).ToArray();
        Array.Copy(Original, EvtxDamage.ChunkStart(0), file, EvtxDamage.ChunkStart(1), EvtxDamage.ChunkSize);
        var (events, errors, _) = Decode(file);
        errors.ShouldBeEmpty();
        events.ShouldBe((3 * PerChunk[0]) + PerChunk[2]);
    }

    [Fact]
    public void An_absurd_record_size_is_reported_and_the_next_record_found()
    {
        var file = (byte[])Original.Clone();
        var records = EvtxDamage.RecordOffsets(file, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(records[4] + 4), 0xFFFF_FFF0);
        EvtxDamage.FixChecksums(file);
        var (events, errors, allocated) = Decode(file);
        events.ShouldBe(Total - 1);
        var error = errors.ShouldHaveSingleItem();
        (error.Chunk, error.Record).ShouldBe((1L, (long?)(long)EvtxDamage.RecordNumber(file, records[4])));
        allocated.ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void An_absurd_substitution_count_fails_only_its_record_without_allocating_for_it()
    {
        var file = (byte[])Original.Clone();
        var record = EvtxDamage.RecordOffsets(file, 2)[5];
        var count = EvtxDamage.SubstitutionCountOffset(file, record, out _);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(count), 0x7FFF_FFFF);
        EvtxDamage.FixChecksums(file);
        var (events, errors, allocated) = Decode(file);
        events.ShouldBe(Total - 1);
        var error = errors.ShouldHaveSingleItem();
        (error.Chunk, error.Record).ShouldBe((2L, (long?)(long)EvtxDamage.RecordNumber(file, record)));
        error.Message.ShouldContain("substitution values");
        allocated.ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void An_absurd_template_size_fails_the_records_that_use_it_and_no_others()
    {
        var file = (byte[])Original.Clone();
        var records = EvtxDamage.RecordOffsets(file, 0);
        EvtxDamage.SubstitutionCountOffset(file, records[0], out var definitionSize);
        definitionSize.ShouldBeGreaterThan(0); // the chunk's first record defines its template inline
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(definitionSize), 0xFFFF_FF00);
        EvtxDamage.FixChecksums(file);
        var (events, errors, allocated) = Decode(file);
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Chunk == 0 && e.Record != null && e.Path == Name);
        events.ShouldBe(Total - errors.Count);
        events.ShouldBeGreaterThanOrEqualTo(PerChunk[1] + PerChunk[2]);
        allocated.ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void Records_in_slack_past_the_free_space_offset_are_not_read()
    {
        // Move chunk 1's free space offset back to its last record: that record is now slack, as are
        // old records a log leaves behind its free space offset.
        var file = (byte[])Original.Clone();
        var records = EvtxDamage.RecordOffsets(file, 1);
        var chunk = EvtxDamage.ChunkStart(1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(chunk + 48), (uint)(records[^1] - chunk));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(chunk + 44), (uint)(records[^2] - chunk));
        EvtxDamage.FixChecksums(file);
        var (events, errors, _) = Decode(file);
        errors.ShouldBeEmpty();
        events.ShouldBe(Total - 1);
    }

    [Fact]
    public void Random_garbage_after_the_header_is_reported_without_a_crash()
    {
        var file = new byte[EvtxDamage.ChunkStart(3)];
        Array.Copy(Original, file, EvtxDamage.FileHeaderSize);
        new Random(7).NextBytes(file.AsSpan(EvtxDamage.FileHeaderSize));
        var (events, errors, _) = Decode(file);
        events.ShouldBe(0);
        errors.Count.ShouldBe(3);
        errors.Select(e => e.Chunk).ShouldBe([0L, 1L, 2L]);
    }
}
