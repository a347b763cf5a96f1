namespace Parry.Ingest.Tests.Evtx;

/// <summary>The 269 files of EVTX-ATTACK-SAMPLES: all of them decode, with no error, to the 7,455 records that an
/// independent reader (libevtx's evtxexport) counts.</summary>
public class EvtxAttackSampleTests
{
    [Fact]
    public void All_attack_samples_decode_without_error_to_7455_records()
    {
        var files = EvtxTestFiles.AttackSamples();
        files.Count.ShouldBe(269);
        var records = 0;
        var errors = new List<string>();
        foreach (var file in files)
        {
            var (events, fileErrors) = EvtxTestFiles.Decode(file, parallelism: 2);
            records += events.Count;
            errors.AddRange(fileErrors.Select(e => e.ToString()));
            events.ShouldAllBe(e => e.SourceKind == "evtx" && e.Origin.Path == file && e.Timestamp != null);
            foreach (var e in events)
                EvtxTestFiles.ToJson(e).ShouldStartWith("{\"Event\":{"); // what `parry decode` prints
        }
        errors.ShouldBeEmpty();
        records.ShouldBe(7455);
    }

    [Fact]
    public void Parallel_decoding_gives_the_same_records_in_the_same_order()
    {
        var file = EvtxTestFiles.AttackSample("Command and Control/bits_openvpn.evtx");
        var (sequential, _) = EvtxTestFiles.Decode(file, parallelism: 1);
        var (parallel, errors) = EvtxTestFiles.Decode(file, parallelism: 4);
        errors.ShouldBeEmpty();
        sequential.Count.ShouldBeGreaterThan(1000);
        parallel.Select(EvtxTestFiles.ToJson).ShouldBe(sequential.Select(EvtxTestFiles.ToJson));
    }

    [Fact]
    public void A_stream_that_cannot_seek_reads_the_same_as_a_file()
    {
        var file = EvtxTestFiles.AttackSample("Lateral Movement/LM_5145_Remote_FileCopy.evtx");
        var (fromFile, _) = EvtxTestFiles.Decode(file);
        var source = new Parry.Ingest.Sources.InputSource(file, () => new ForwardOnlyStream(File.ReadAllBytes(file)));
        var (fromStream, errors) = EvtxTestFiles.Decode(source, verifyChecksums: true, parallelism: 2, fields: null);
        errors.ShouldBeEmpty();
        fromStream.Select(EvtxTestFiles.ToJson).ShouldBe(fromFile.Select(EvtxTestFiles.ToJson));
    }

    [Fact]
    public void Stopping_early_returns_cleanly()
    {
        var file = EvtxTestFiles.AttackSample("Command and Control/bits_openvpn.evtx");
        var sink = new CollectingErrorSink();
        var context = new DecodeContext(EvtxTestFiles.NoFields, sink) { MaxDegreeOfParallelism = 2 };
        var source = new Parry.Ingest.Sources.InputSource(file, () => File.OpenRead(file));
        var first = new Parry.Ingest.Evtx.EvtxFormat().Read(source, context).Take(10).ToList();
        first.Count.ShouldBe(10);
        sink.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Events_carry_record_number_time_and_sigma_short_names()
    {
        var table = new Parry.Core.Events.FieldTableBuilder();
        table.Intern("EventID");
        table.Intern("Image");
        table.Intern("Provider_Name");
        var fields = table.Build();
        var file = Path.Combine(Parry.TestSupport.Corpora.SigmaRegressionData,
            "rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load/8a2f4b1c-3d5e-4f7a-9b2c-1e4f6d8a9c2b.evtx");
        var (events, errors) = EvtxTestFiles.Decode(file, fields: fields);
        errors.ShouldBeEmpty();
        var e = events.Single();
        e.Origin.Record.ShouldBe(571146);
        e.Timestamp!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe("2025-11-27T07:40:10.165324");
        e.GetString(fields.IdOf("EventID")).ShouldBe("7");
        e.GetString(fields.IdOf("Image")).ShouldBe(@"C:\Windows\System32\WerFaultSecure.exe");
        e.GetString(fields.IdOf("Provider_Name")).ShouldBe("Microsoft-Windows-Sysmon");
    }
}
