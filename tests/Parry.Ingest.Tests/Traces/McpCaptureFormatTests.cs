using Parry.Ingest.Traces.Formats;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

public class McpCaptureFormatTests
{
    private static readonly McpCaptureFormat Format = new();

    [Fact]
    public void Pairs_tools_call_requests_with_their_responses_across_interleaved_traffic()
    {
        const string capture = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"claude-code","version":"1.0.61"}}}
            {"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"kali-tools","version":"0.3"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":1,"method":"tools/list"}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"run_command","arguments":{"command":"nmap -sV -p 22,80 10.10.0.0/24"}}}
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"run_command","arguments":{"command":"whoami"}}}
            {"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"run_command","inputSchema":{"type":"object"}}]}}
            {"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text","text":"kali"}],"isError":false}}
            {"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"Nmap scan report for 10.10.0.5"}]}}
            """;
        var (events, errors) = ReadText(Format, capture, "capture.jsonl");
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(2);
        var whoami = events[0];
        String(whoami, "tool").ShouldBe("run_command");
        String(whoami, "result.text").ShouldBe("kali");
        String(whoami, "request_id").ShouldBe("3");
        whoami.Origin.Record.ShouldBe(6);
        var nmap = events[1];
        nmap.Origin.Record.ShouldBe(5);
        String(nmap, "client.name").ShouldBe("claude-code");
        String(nmap, "client.version").ShouldBe("1.0.61");
        String(nmap, "server").ShouldBe("kali-tools");
        String(nmap, "session").ShouldBe("capture.jsonl");
        Strings(nmap, "command.categories").ShouldBe(["network-scan"]);
        Strings(nmap, "target.cidrs").ShouldBe(["10.10.0.0/24"]);
    }

    [Fact]
    public void Wrapped_messages_with_time_direction_and_session()
    {
        const string capture = """
            {"timestamp":"2025-09-01T10:00:00.000Z","direction":"client->server","session":"abc123","message":{"jsonrpc":"2.0","id":"req-1","method":"tools/call","params":{"name":"fetch","arguments":{"url":"http://203.0.113.10/admin?cmd=;id"}}}}
            {"timestamp":"2025-09-01T10:00:00.250Z","direction":"server->client","session":"abc123","message":"{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"error\":{\"code\":-32000,\"message\":\"connection refused\"}}"}
            """;
        var (events, errors) = ReadText(Format, capture);
        errors.ShouldBeEmpty();
        var e = events.ShouldHaveSingleItem();
        e.Timestamp.ShouldBe(DateTimeOffset.Parse("2025-09-01T10:00:00Z"));
        e.PrimaryActor!.Value.Value.ShouldBe("abc123");
        String(e, "request_id").ShouldBe("req-1");
        String(e, "result.is_error").ShouldBe("true");
        String(e, "result.text").ShouldBe("-32000: connection refused");
        String(e, "duration_ms").ShouldBe("250");
        Strings(e, "command.categories").ShouldContain("web-attack");
    }

    [Fact]
    public void A_server_request_with_the_same_id_does_not_answer_the_call()
    {
        const string capture = """
            {"direction":"in","message":{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"bash","arguments":{"command":"id"}}}}
            {"direction":"out","message":{"jsonrpc":"2.0","id":5,"method":"sampling/createMessage","params":{"messages":[]}}}
            {"direction":"in","message":{"jsonrpc":"2.0","id":5,"result":{"role":"assistant","content":{"type":"text","text":"hi"}}}}
            {"direction":"out","message":{"jsonrpc":"2.0","id":5,"result":{"content":[{"type":"text","text":"uid=0(root)"}]}}}
            """;
        var (events, errors) = ReadText(Format, capture);
        errors.ShouldBeEmpty();
        String(events.ShouldHaveSingleItem(), "result.text").ShouldBe("uid=0(root)");
    }

    [Fact]
    public void Batches_cancellation_and_unanswered_calls()
    {
        const string capture = """
            [{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","arguments":{}}},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"b"}}]
            {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"user abort"}}
            """;
        var (events, errors) = ReadText(Format, capture);
        errors.ShouldBeEmpty();
        events.Select(e => String(e, "tool")).ShouldBe(["a", "b"]);
        String(events[0], "result.text").ShouldBe("cancelled: user abort");
        events[1].Has(Id("result.is_error")).ShouldBeFalse();
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_line_and_the_run_goes_on()
    {
        const string capture = """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"bash","arguments":{"command":"id"}}}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":
            not json at all

            42
            {"hello":"world"}
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{}}
            {"jsonrpc":"2.0","id":1,"result":{"content":[]}}
            """;
        var (events, errors) = ReadText(Format, capture, "bad.jsonl");
        events.ShouldHaveSingleItem().Origin.Record.ShouldBe(1);
        errors.Select(e => e.Record).ShouldBe([2L, 3L, 5L, 6L, 7L]);
        errors.ShouldAllBe(e => e.Path == "bad.jsonl");
        errors[0].Message.ShouldStartWith("malformed JSON");
        errors[4].Message.ShouldContain("without a tool name");
    }

    [Fact]
    public void Probe_claims_captures_only()
    {
        Probe(Format, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}""").ShouldBe(90);
        Probe(Format, """{"a":1}""").ShouldBe(0);
        Probe(Format, "jsonrpc tools/call").ShouldBe(0);
    }
}
