using Parry.Core.Events;
using Parry.Ingest.Json;
using Parry.Ingest.Tests.Support;
using Parry.Ingest.Zeek;

namespace Parry.Ingest.Tests.Zeek;

public class ZeekJsonFormatTests
{
    private static readonly ZeekJsonFormat Format = new();
    private static readonly FieldTable Fields = Decoding.Fields("_path", "id.orig_h", "id.resp_p", "query", "uri", "user_agent", "status_code", "certificate.serial", "auth_success");

    private const string Conn = """{"ts":1591367999.305988,"uid":"CMdzit1AMNsmfAIiQc","id.orig_h":"192.0.2.76","id.orig_p":36844,"id.resp_h":"198.51.100.3","id.resp_p":53,"proto":"udp","service":"dns","duration":0.06685185432434082,"conn_state":"SF"}""";
    private const string Http = """{"ts":"2024-05-01T12:00:00.500Z","uid":"C1","id.orig_h":"203.0.113.50","id.orig_p":50000,"id.resp_h":"192.0.2.10","id.resp_p":80,"method":"GET","host":"www.example.com","uri":"/wp-admin/setup.php","user_agent":"katz-ontop/1.0","status_code":200}""";
    private const string Dns = """{"ts":1591367999.3,"uid":"C2","id.orig_h":"192.0.2.76","id.resp_h":"198.51.100.3","id.resp_p":53,"query":"example.com","qtype_name":"A","Z":0,"answers":["93.184.215.14"]}""";
    private const string Ssh = """{"ts":1591367999.3,"uid":"C3","id.orig_h":"203.0.113.9","id.resp_h":"192.0.2.22","id.resp_p":22,"version":2,"auth_success":false,"auth_attempts":3,"client":"SSH-2.0-libssh_0.9.6","server":"SSH-2.0-OpenSSH_8.9"}""";

    private static string? Get(Event e, string field) => e.GetString(Fields.IdOf(field));

    [Fact]
    public void Zeek_json_keeps_dotted_names_and_reads_epoch_ts()
    {
        var (events, errors) = Decoding.Run(Format, Conn + "\n", Fields, "logs/conn.log");
        errors.Count.ShouldBe(0, errors.ToString());
        var e = events.ShouldHaveSingleItem();
        e.SourceKind.ShouldBe("zeek");
        Get(e, "id.orig_h").ShouldBe("192.0.2.76");
        Get(e, "id.resp_p").ShouldBe("53");
        Get(e, "_path").ShouldBe("conn");
        e.Timestamp.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(15913679993059880));
    }

    [Fact]
    public void The_log_comes_from_path_then_file_name_then_fields()
    {
        var withPath = """{"_path":"dns","ts":1,"uid":"C","id.orig_h":"192.0.2.1"}""";
        var (events, errors) = Decoding.Run(Format, string.Join("\n", withPath, Conn, Http, Dns, Ssh), Fields, "capture.json");
        errors.Count.ShouldBe(0, errors.ToString());
        events.Select(e => Get(e, "_path")).ShouldBe(["dns", "conn", "http", "dns", "ssh"]);
        var (named, _) = Decoding.Run(Format, Http, Fields, "dns.2024-05-01-00-00-00.log");
        Get(named.ShouldHaveSingleItem(), "_path").ShouldBe("dns");
    }

    [Fact]
    public void Iso_ts_and_http_fields_as_sigma_rules_name_them()
    {
        var (events, _) = Decoding.Run(Format, Http, Fields, "http.log");
        var e = events.ShouldHaveSingleItem();
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 500, TimeSpan.Zero));
        Get(e, "user_agent").ShouldBe("katz-ontop/1.0");
        Get(e, "uri").ShouldBe("/wp-admin/setup.php");
        Get(e, "status_code").ShouldBe("200");
    }

    [Fact]
    public void A_bad_ts_and_a_bad_line_are_located_and_reading_goes_on()
    {
        var text = Conn.Replace("1591367999.305988", "\"not a time\"") + "\n{\"ts\":1,\n" + Dns + "\n";
        var (events, errors) = Decoding.Run(Format, text, Fields, "dns.log");
        events.Count.ShouldBe(2);
        events[0].Timestamp.ShouldBeNull();
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All[0].Record.ShouldBe(1);
        errors.All[0].Message.ShouldContain("'ts' is not a time");
        errors.All[1].Record.ShouldBe(2);
    }

    [Fact]
    public void Probe_prefers_zeek_over_plain_json()
    {
        Format.Probe(System.Text.Encoding.UTF8.GetBytes(Conn), "conn.log").ShouldBe(ZeekJsonFormat.Score);
        Format.Probe("""{"ts":1,"message":"x"}"""u8, "app.json").ShouldBe(0);
        Format.Probe("""{"a":1}"""u8, "conn.log").ShouldBe(0);
        (ZeekJsonFormat.Score > JsonFormat.Score).ShouldBeTrue();
    }
}
