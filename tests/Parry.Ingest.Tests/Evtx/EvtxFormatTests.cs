using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Evtx;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Tests.Evtx;

public class EvtxFormatTests
{
    private static readonly EvtxFormat Format = new();

    [Fact]
    public void Probe_is_certain_on_the_signature_and_zero_otherwise()
    {
        Format.Name.ShouldBe("evtx");
        Format.Probe(File.ReadAllBytes(EvtxTestFiles.RegressionFiles()[0]).AsSpan(0, 4096), "x.evtx").ShouldBe(100);
        Format.Probe("ElfFile\0"u8, "renamed.log").ShouldBe(100);
        Format.Probe("ElfChnk\0"u8, "a.evtx").ShouldBe(0);
        Format.Probe("{\"Event\":{}}"u8, "a.evtx").ShouldBe(0);
        Format.Probe([], "a.evtx").ShouldBe(0);
    }

    [Fact]
    public void Probe_never_throws_and_only_the_signature_scores() =>
        Prop.ForAll<byte[]>(head =>
        {
            var score = Format.Probe(head ?? [], "f");
            return score == (head is not null && head.AsSpan().StartsWith("ElfFile\0"u8) ? 100 : 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_gzip_stream_decodes_like_the_file()
    {
        var file = EvtxTestFiles.AttackSample("Lateral Movement/LM_5145_Remote_FileCopy.evtx");
        var compressed = Gzip(File.ReadAllBytes(file));
        var source = new InputSource(file + ".gz", () => new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));
        var (events, errors) = EvtxTestFiles.Decode(source, verifyChecksums: true, parallelism: 2, fields: null);
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(EvtxTestFiles.Decode(file).Events.Count);
    }

    [Fact]
    public void A_damaged_gzip_stream_is_reported_and_what_came_before_is_kept()
    {
        var file = EvtxTestFiles.AttackSample("Lateral Movement/LM_5145_Remote_FileCopy.evtx");
        var compressed = Gzip(File.ReadAllBytes(file));
        for (var i = compressed.Length / 2; i < (compressed.Length / 2) + 64; i++)
            compressed[i] ^= 0xA5;
        var source = new InputSource("damaged.evtx.gz", () => new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));
        var (events, errors) = EvtxTestFiles.Decode(source, verifyChecksums: true, parallelism: 1, fields: null);
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Path == "damaged.evtx.gz" && e.Chunk != null);
        errors[^1].Message.ShouldContain("read failed");
        events.Count.ShouldBeGreaterThan(0);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(data);
        return output.ToArray();
    }
}
