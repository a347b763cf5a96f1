using Parry.Core.Events;
using Parry.Ingest.Cowrie;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Cowrie;

public class CowrieFormatTests
{
    private static readonly CowrieFormat Format = new();
    private static readonly FieldTable Fields = Decoding.Fields("eventid", "src_ip", "username", "password", "input", "session", "url", "shasum");

    private const string Log = """
        {"eventid":"cowrie.session.connect","src_ip":"203.0.113.66","src_port":50412,"dst_ip":"192.0.2.5","dst_port":2222,"session":"a1b2c3d4e5f6","protocol":"ssh","message":"New connection: 203.0.113.66:50412 (192.0.2.5:2222) [session: a1b2c3d4e5f6]","sensor":"hp1","timestamp":"2024-05-01T12:00:00.000123Z"}
        {"eventid":"cowrie.login.failed","username":"root","password":"123456","message":"login attempt [root/123456] failed","sensor":"hp1","timestamp":"2024-05-01T12:00:01.100000Z","src_ip":"203.0.113.66","session":"a1b2c3d4e5f6"}
        {"eventid":"cowrie.login.success","username":"root","password":"admin","message":"login attempt [root/admin] succeeded","sensor":"hp1","timestamp":"2024-05-01T12:00:02.200000Z","src_ip":"203.0.113.66","session":"a1b2c3d4e5f6"}
        {"eventid":"cowrie.command.input","input":"uname -a; cat /proc/cpuinfo","message":"CMD: uname -a; cat /proc/cpuinfo","sensor":"hp1","timestamp":"2024-05-01T12:00:03.300000Z","src_ip":"203.0.113.66","session":"a1b2c3d4e5f6"}
        {"eventid":"cowrie.session.file_download","url":"http://198.51.100.80/x.sh","outfile":"var/lib/cowrie/downloads/abc","shasum":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","sensor":"hp1","timestamp":"2024-05-01T12:00:04Z","src_ip":"203.0.113.66","session":"a1b2c3d4e5f6"}
        """;

    [Fact]
    public void Cowrie_events_keep_their_fields_and_time()
    {
        var (events, errors) = Decoding.Run(Format, Log, Fields, "cowrie.json");
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(5);
        events.ShouldAllBe(e => e.SourceKind == "cowrie");
        events.Select(e => e.GetString(Fields.IdOf("eventid"))).ShouldBe(
            ["cowrie.session.connect", "cowrie.login.failed", "cowrie.login.success", "cowrie.command.input", "cowrie.session.file_download"]);
        events[1].GetString(Fields.IdOf("password")).ShouldBe("123456");
        events[3].GetString(Fields.IdOf("input")).ShouldBe("uname -a; cat /proc/cpuinfo");
        events[4].GetString(Fields.IdOf("url")).ShouldBe("http://198.51.100.80/x.sh");
        events[0].Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1230));
        events.ShouldAllBe(e => e.GetString(Fields.IdOf("src_ip")) == "203.0.113.66");
    }

    [Fact]
    public void Probe_claims_cowrie_only()
    {
        Format.Probe(System.Text.Encoding.UTF8.GetBytes(Log), "cowrie.json").ShouldBe(CowrieFormat.Score);
        Format.Probe("""{"eventid":"login","src_ip":"x"}"""u8, "x.json").ShouldBe(0);
    }

    [Fact]
    public void A_truncated_last_line_is_reported()
    {
        var (events, errors) = Decoding.Run(Format, Log + "\n{\"eventid\":\"cowrie.session.closed\",\"dura", Fields);
        events.Count.ShouldBe(5);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(6);
    }
}
