using System.IO.Compression;
using System.Text;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Formats;

public class FormatDetectorTests
{
    private static readonly FormatDetector Detector = new(BuiltInFormats.Create(new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))));

    private static string? Detect(string content, string name = "file") =>
        Detector.Detect(Encoding.UTF8.GetBytes(content), name).Format?.Name;

    [Fact]
    public void Each_built_in_format_wins_on_its_own_content()
    {
        Detect("{\"a\":1}\n").ShouldBe("json");
        Detect("[{\"a\":1}]").ShouldBe("json");
        Detect("{\"ts\":1.5,\"uid\":\"C1\",\"id.orig_h\":\"192.0.2.1\"}\n").ShouldBe("zeek");
        Detect("{\"eventid\":\"cowrie.login.failed\",\"src_ip\":\"203.0.113.5\"}\n").ShouldBe("cowrie");
        Detect("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}]}").ShouldBe("cloudtrail");
        Detect("Mar 10 14:22:01 web01 sshd[1]: Accepted password for a from 203.0.113.5 port 1 ssh2\n").ShouldBe("syslog");
        Detect("203.0.113.5 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326\n").ShouldBe("webserver");
        Detect("#separator \\x09\n#fields\tts\n").ShouldBe("zeek-tsv");
        Detect("just some words\n").ShouldBeNull();
    }

    private sealed class ClaimsEverything(string name, int score) : IInputFormat
    {
        public string Name => name;
        public int Probe(ReadOnlySpan<byte> head, string fileName) => score;
        public IEnumerable<Event> Read(InputSource source, DecodeContext context) => [];
    }

    [Fact]
    public void The_highest_score_wins_and_ties_go_to_the_first_registered()
    {
        var first = new ClaimsEverything("first", 50);
        var second = new ClaimsEverything("second", 50);
        var higher = new ClaimsEverything("higher", 51);
        new FormatDetector([first, second]).Detect("x"u8, "f").Format.ShouldBe(first);
        new FormatDetector([first, second, higher]).Detect("x"u8, "f").Format.ShouldBe(higher);
    }

    [Fact]
    public void A_trace_format_registered_by_others_can_win_over_plain_json()
    {
        var traces = new ClaimsEverything("swe-agent-traj", 80);
        var detector = new FormatDetector([.. BuiltInFormats.Create(), traces]);
        detector.Detect("{\"trajectory\":[]}"u8, "x.traj").Format.ShouldBe(traces);
    }

    [Fact]
    public void Formats_are_found_by_name_and_names_are_unique()
    {
        Detector.Find("SYSLOG")!.Name.ShouldBe("syslog");
        Detector.Find("nope").ShouldBeNull();
        Should.Throw<ArgumentException>(() => new FormatDetector([new ClaimsEverything("x", 1), new ClaimsEverything("X", 2)]));
    }

    [Fact]
    public void An_unrecognised_file_is_reported_and_skipped()
    {
        var errors = new ErrorList();
        var context = new DecodeContext(FieldTable.Empty, errors);
        var sources = new[]
        {
            InputSource.FromBytes("notes.txt", "just some words\nnothing else\n"u8.ToArray()),
            InputSource.FromBytes("empty.log", []),
            InputSource.FromBytes("a.jsonl", "{\"a\":1}\n"u8.ToArray()),
        };
        var events = Detector.ReadAll(sources, context).ToList();
        events.ShouldHaveSingleItem().Origin.Path.ShouldBe("a.jsonl");
        errors.Count.ShouldBe(2);
        errors.All[0].Message.ShouldBe("unrecognised format: starts with \"just some words nothing \"; skipped");
        errors.All[1].Message.ShouldBe("unrecognised format: the file is empty; skipped");
    }

    [Fact]
    public void A_forced_format_skips_detection()
    {
        var errors = new ErrorList();
        var source = InputSource.FromBytes("odd.txt", "{\"eventid\":\"cowrie.x\"}\n"u8.ToArray());
        var events = Detector.Read(source, new DecodeContext(FieldTable.Empty, errors), Detector.Find("json")).ToList();
        events.ShouldHaveSingleItem().SourceKind.ShouldBe("json");
    }

    [Fact]
    public void The_file_is_opened_once_and_the_probed_head_is_replayed()
    {
        var opens = 0;
        var lines = string.Concat(Enumerable.Range(1, 9000).Select(i => $"{{\"n\":{i}}}\n"));
        var bytes = Encoding.UTF8.GetBytes(lines);
        bytes.Length.ShouldBeGreaterThan(FormatDetector.HeadBytes);
        var source = new InputSource("big.jsonl", () =>
        {
            opens++;
            return new ChunkedStream(bytes, () => 1000);
        });
        var errors = new ErrorList();
        var events = Detector.Read(source, new DecodeContext(FieldTable.Empty, errors)).ToList();
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(9000);
        opens.ShouldBe(1);
    }

    [Fact]
    public void A_corrupt_gzip_stream_is_reported_and_the_next_file_read()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 20000).Select(i => $"{{\"n\":{i}}}\n"))));
        var corrupt = buffer.ToArray();
        for (var i = corrupt.Length / 2; i < corrupt.Length / 2 + 64; i++)
            corrupt[i] ^= 0x5a;
        var errors = new ErrorList();
        var sources = new[]
        {
            new InputSource("bad.json.gz", () => new GZipStream(new MemoryStream(corrupt), CompressionMode.Decompress)) { Compressed = true },
            InputSource.FromBytes("good.json", "{\"a\":1}\n"u8.ToArray()),
        };
        var events = Detector.ReadAll(sources, new DecodeContext(FieldTable.Empty, errors)).ToList();
        events.ShouldContain(e => e.Origin.Path == "good.json");
        errors.All.ShouldContain(e => e.Path == "bad.json.gz" && e.Message.StartsWith("read failed"));
    }
}
