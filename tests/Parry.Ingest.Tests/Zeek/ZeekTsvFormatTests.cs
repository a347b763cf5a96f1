using Parry.Core.Events;
using Parry.Ingest.Tests.Support;
using Parry.Ingest.Zeek;

namespace Parry.Ingest.Tests.Zeek;

public class ZeekTsvFormatTests
{
    private static readonly ZeekTsvFormat Format = new();
    private static readonly FieldTable Fields = Decoding.Fields("_path", "id.orig_h", "id.resp_p", "query", "answers", "rejected", "qtype_name", "TTLs");

    private const string Dns =
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tdns\n#open\t2024-05-01-12-00-00\n" +
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\tqtype_name\trejected\tanswers\tTTLs\n" +
        "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tstring\tbool\tvector[string]\tvector[interval]\n" +
        "1714564800.123456\tCabc\t192.0.2.76\t53211\t198.51.100.3\t53\tudp\texample.com\tA\tF\t93.184.215.14,93.184.215.15\t60.0,60.0\n" +
        "1714564801.000000\tCdef\t192.0.2.76\t53212\t198.51.100.3\t53\tudp\tbad\\x00name.example\t-\tT\t(empty)\t-\n" +
        "#close\t2024-05-01-13-00-00\n";

    private static string? Get(Event e, string field) => e.GetString(Fields.IdOf(field));

    [Fact]
    public void Tsv_lines_become_events_shaped_like_zeek_json()
    {
        var (events, errors) = Decoding.Run(Format, Dns, Fields, "dns.log");
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(2);
        var e = events[0];
        e.SourceKind.ShouldBe("zeek");
        e.Origin.Record.ShouldBe(9);
        e.Timestamp.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(17145648001234560));
        Get(e, "_path").ShouldBe("dns");
        Get(e, "id.orig_h").ShouldBe("192.0.2.76");
        e.TryGetValue(Fields.IdOf("id.resp_p"), out var port).ShouldBeTrue();
        port.Kind.ShouldBe(ValueKind.Integer);
        e.TryGetValue(Fields.IdOf("rejected"), out var rejected).ShouldBeTrue();
        rejected.Kind.ShouldBe(ValueKind.Boolean);
        var answers = new List<string>();
        foreach (var v in e.Values(Fields.IdOf("answers")))
            answers.Add(v.Text.ToString());
        answers.ShouldBe(["93.184.215.14", "93.184.215.15"]);
        Get(events[1], "query").ShouldBe("bad\\x00name.example");
        events[1].Has(Fields.IdOf("qtype_name")).ShouldBeFalse();
        events[1].Has(Fields.IdOf("TTLs")).ShouldBeFalse();
    }

    [Fact]
    public void Lines_with_the_wrong_number_of_fields_are_located_errors()
    {
        var broken = Dns.Replace("1714564801.000000\tCdef", "1714564801.000000");
        var (events, errors) = Decoding.Run(Format, broken, Fields, "dns.log");
        events.Count.ShouldBe(1);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(10);
        error.Message.ShouldContain("fields where the header names 12");
    }

    [Fact]
    public void Data_before_any_header_is_an_error()
    {
        var (events, errors) = Decoding.Run(Format, "1\t2\t3\n" + Dns, Fields);
        events.Count.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("no #fields header");
    }

    [Fact]
    public void Probe_recognises_the_separator_header()
    {
        Format.Probe(System.Text.Encoding.UTF8.GetBytes(Dns), "dns.log").ShouldBe(ZeekTsvFormat.Score);
        Format.Probe("ts\tuid\n"u8, "dns.log").ShouldBe(0);
    }

    [Fact]
    public void Malformed_headers_do_not_throw_and_are_reported()
    {
        var text = "#separator \\x09\n#set_separator\t\n#fields\ta\tb\n#types\tset[\tvector[string\n1,2\t3\n#bogus header\n#separator xx\n";
        var (events, errors) = Decoding.Run(Format, text, Decoding.Fields("a", "b"));
        events.ShouldHaveSingleItem().GetString(Decoding.Fields("a", "b").IdOf("a")).ShouldBe("1,2");
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("lines 6-7");
    }
}
