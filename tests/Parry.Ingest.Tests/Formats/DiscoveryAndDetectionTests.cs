using System.IO.Compression;
using System.Text;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Formats;

/// <summary>A folder of mixed logs, walked, detected and decoded the way <c>parry hunt</c> reads its inputs.</summary>
public sealed class DiscoveryAndDetectionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "parry-mixed-" + Guid.NewGuid().ToString("N"));

    public DiscoveryAndDetectionTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string name, string text, bool gzip = false)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        target.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Every_file_is_read_with_its_own_format_and_problems_are_located()
    {
        Write("var log/auth.log.2.gz", "Mar 10 14:22:01 bastion sshd[1]: Failed password for root from 203.0.113.9 port 41234 ssh2\n" +
            "Mar 10 14:22:03 bastion sshd[1]: Failed password for root from 203.0.113.9 port 41236 ssh2\n", gzip: true);
        Write("var log/nginx & co/access.log", "203.0.113.7 - - [10/Mar/2024:14:22:05 +0000] \"GET /.env HTTP/1.1\" 404 153 \"-\" \"curl/8.4.0\"\n");
        Write("zeek/conn.log", "{\"ts\":1710080525.1,\"uid\":\"C1\",\"id.orig_h\":\"203.0.113.9\",\"id.resp_h\":\"192.0.2.22\",\"id.resp_p\":22,\"conn_state\":\"SF\"}\n");
        Write("cloud/trail.json", "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-10T14:22:07Z\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"GetCallerIdentity\",\"sourceIPAddress\":\"203.0.113.9\"}]}");
        Write("notes.txt", "remember to rotate keys\n");
        Write("app/events.jsonl", "{\"@timestamp\":\"2024-03-10T14:22:08Z\",\"msg\":\"ok\"}\n{\"broken\":\n{\"@timestamp\":\"2024-03-10T14:22:09Z\"}\n");

        var errors = new ErrorList();
        var detector = new FormatDetector(BuiltInFormats.Create(new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))));
        var events = detector.ReadAll(InputDiscovery.Discover([_root], errors), new DecodeContext(FieldTable.Empty, errors)).ToList();

        events.Select(e => (Path.GetRelativePath(_root, e.Origin.Path), e.SourceKind, e.Origin.Record)).ShouldBe(
        [
            (Path.Join("app", "events.jsonl"), "json", 1L),
            (Path.Join("app", "events.jsonl"), "json", 3L),
            (Path.Join("cloud", "trail.json"), "cloudtrail", 1L),
            (Path.Join("var log", "auth.log.2.gz"), "syslog", 1L),
            (Path.Join("var log", "auth.log.2.gz"), "syslog", 2L),
            (Path.Join("var log", "nginx & co", "access.log"), "webserver", 1L),
            (Path.Join("zeek", "conn.log"), "zeek", 1L),
        ]);
        events.ShouldAllBe(e => e.Timestamp != null);
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All.ShouldContain(e => e.Path.EndsWith("events.jsonl") && e.Record == 2);
        errors.All.ShouldContain(e => e.Path.EndsWith("notes.txt") && e.Message.StartsWith("unrecognised format"));
    }
}
