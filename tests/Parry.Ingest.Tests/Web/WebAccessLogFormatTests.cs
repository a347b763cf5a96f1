using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Events;
using Parry.Ingest.Tests.Support;
using Parry.Ingest.Web;

namespace Parry.Ingest.Tests.Web;

public class WebAccessLogFormatTests
{
    private static readonly WebAccessLogFormat Format = new();

    private static readonly FieldTable Fields = Decoding.Fields(
        "c-ip", "cs-username", "cs-method", "cs-uri", "cs-uri-stem", "cs-uri-query", "cs-version", "sc-status", "sc-bytes",
        "cs-referer", "cs-user-agent", "request", "cs-host", "s-port", "extra");

    private const string Combined =
        "203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /cgi-bin/test.cgi?cmd=id&x=1 HTTP/1.1\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

    private static Event One(string line)
    {
        var (events, errors) = Decoding.Run(Format, line + "\n", Fields, "access.log");
        errors.Count.ShouldBe(0, errors.ToString());
        return events.ShouldHaveSingleItem();
    }

    private static string? Get(Event e, string field) => e.GetString(Fields.IdOf(field));

    [Fact]
    public void A_combined_line_gives_the_w3c_fields_sigma_uses()
    {
        var e = One(Combined);
        e.SourceKind.ShouldBe("webserver");
        e.Origin.ShouldBe(new EventOrigin("access.log", 1));
        e.Timestamp.ShouldBe(new DateTimeOffset(2000, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)));
        Get(e, "c-ip").ShouldBe("203.0.113.7");
        Get(e, "cs-username").ShouldBeNull();
        Get(e, "cs-method").ShouldBe("GET");
        Get(e, "cs-uri").ShouldBe("/cgi-bin/test.cgi?cmd=id&x=1");
        Get(e, "cs-uri-stem").ShouldBe("/cgi-bin/test.cgi");
        Get(e, "cs-uri-query").ShouldBe("cmd=id&x=1");
        Get(e, "cs-version").ShouldBe("HTTP/1.1");
        Get(e, "sc-status").ShouldBe("200");
        e.TryGetValue(Fields.IdOf("sc-status"), out var status).ShouldBeTrue();
        status.Kind.ShouldBe(ValueKind.Integer);
        Get(e, "sc-bytes").ShouldBe("2326");
        Get(e, "cs-referer").ShouldBe("http://www.example.com/start.html");
        Get(e, "cs-user-agent").ShouldBe("Mozilla/5.0 (X11; Linux x86_64)");
        Get(e, "request").ShouldBe("GET /cgi-bin/test.cgi?cmd=id&x=1 HTTP/1.1");
    }

    [Fact]
    public void The_common_format_with_a_user_and_no_bytes()
    {
        var e = One("198.51.100.4 - frank [10/Oct/2000:13:55:36 +0000] \"POST /login HTTP/1.0\" 302 -");
        Get(e, "cs-username").ShouldBe("frank");
        Get(e, "cs-method").ShouldBe("POST");
        Get(e, "cs-uri-query").ShouldBeNull();
        Get(e, "sc-bytes").ShouldBeNull();
        Get(e, "cs-user-agent").ShouldBeNull();
    }

    [Fact]
    public void A_virtual_host_prefix_and_trailing_fields_are_tolerated()
    {
        var e = One("www.example.com:443 2001:db8::1f - - [01/Mar/2024:08:00:01 +0100] \"GET /wp-login.php HTTP/2.0\" 404 153 \"-\" \"curl/8.4.0\" 0.004 \"-\"");
        Get(e, "cs-host").ShouldBe("www.example.com");
        Get(e, "s-port").ShouldBe("443");
        Get(e, "c-ip").ShouldBe("2001:db8::1f");
        Get(e, "cs-referer").ShouldBeNull();
        Get(e, "cs-user-agent").ShouldBe("curl/8.4.0");
        Get(e, "extra").ShouldBe("0.004 \"-\"");
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 3, 1, 7, 0, 1, TimeSpan.Zero));
    }

    [Fact]
    public void Escaped_quotes_in_the_request_and_user_agent_are_unescaped()
    {
        var e = One("203.0.113.9 - - [01/Mar/2024:08:00:01 +0000] \"GET /search?q=\\\"><script> HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0 \\\"evil\\\" \\\\ agent\"");
        Get(e, "cs-uri-query").ShouldBe("q=\"><script>");
        Get(e, "cs-user-agent").ShouldBe("Mozilla/5.0 \"evil\" \\ agent");
    }

    [Fact]
    public void A_request_that_is_not_http_keeps_only_the_raw_line()
    {
        var e = One("203.0.113.9 - - [01/Mar/2024:08:00:01 +0000] \"\\x16\\x03\\x01\\x00\\xa5\" 400 0 \"-\" \"-\"");
        Get(e, "request").ShouldBe("\\x16\\x03\\x01\\x00\\xa5");
        Get(e, "cs-method").ShouldBeNull();
        Get(e, "sc-status").ShouldBe("400");
        var dash = One("203.0.113.9 - - [01/Mar/2024:08:00:01 +0000] \"-\" 408 0 \"-\" \"-\"");
        Get(dash, "cs-method").ShouldBeNull();
    }

    [Fact]
    public void Garbage_lines_are_reported_with_line_numbers_and_the_run_goes_on()
    {
        var text = $"{Combined}\nGET / HTTP/1.1\n\u0001\u0002binary\n{Combined}\n203.0.113.7 - - [32/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1\n{Combined}";
        var (events, errors) = Decoding.Run(Format, text, Fields, "access.log");
        events.Select(e => e.Origin.Record).ShouldBe([1L, 4L, 6L]);
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All[0].Message.ShouldStartWith("lines 2-3 (2 lines): not an access log line");
        errors.All[1].Record.ShouldBe(5);
    }

    [Theory]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200")]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1")]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 -0700")]
    [InlineData("203.0.113.7 - - [10/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 +9900] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 20x 1")]
    [InlineData("203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1 \"only-referer\"")]
    public void Truncated_lines_and_bad_timestamps_are_located_errors(string line)
    {
        var (events, errors) = Decoding.Run(Format, $"{Combined}\n{line}\n{Combined}\n", Fields);
        events.Count.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
    }

    [Fact]
    public void An_overlong_line_is_skipped()
    {
        var (events, errors) = Decoding.Run(Format, $"{Combined}\n{Combined}{new string('a', 5000)}\n{Combined}\n", Fields, maxRecordBytes: 1000);
        events.Count.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("longer than 1000 bytes");
    }

    [Fact]
    public void Probe_claims_access_logs_only()
    {
        Format.Probe(Encoding.UTF8.GetBytes(Combined + "\n" + Combined + "\n"), "access.log").ShouldBe(WebAccessLogFormat.Score);
        Format.Probe("Mar 10 14:22:01 web01 sshd[1]: x\n"u8, "auth.log").ShouldBe(0);
        Format.Probe("{\"a\":1}\n"u8, "x").ShouldBe(0);
    }

    [Fact]
    public void Random_bytes_never_throw_and_splitting_gives_the_same_events()
    {
        var pieces = new[] { Combined, "203.0.113.7 - bob [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.1\" 200 -", "junk", "", "\"\"[]- 200" };
        Prop.ForAll(Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements(pieces), n)).ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (picked, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", picked));
            var (whole, wholeErrors) = Decoding.Run(Format, bytes, maxRecordBytes: 200);
            var (split, splitErrors) = Decoding.Run(Format, bytes, maxRecordBytes: 200, chunks: () => chunk);
            return whole.Select(Decoding.Json).SequenceEqual(split.Select(Decoding.Json))
                && wholeErrors.All.Select(e => e.ToString()).SequenceEqual(splitErrors.All.Select(e => e.ToString()));
        }).QuickCheckThrowOnFailure();
        var garbage = Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Elements<byte>(
            (byte)'[', (byte)']', (byte)'"', (byte)'\\', (byte)' ', (byte)'-', (byte)'/', (byte)':', (byte)'2', (byte)'\n', 0xff, 0x00, (byte)'O'), n));
        Prop.ForAll(garbage.ToArbitrary(), input =>
        {
            var (events, errors) = Decoding.Run(Format, input, maxRecordBytes: 64);
            return errors.All.All(e => e.Record >= 1);
        }).QuickCheckThrowOnFailure();
    }
}
