using Parry.Ingest.Traces.Formats;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

public class OpenAiChatFormatTests
{
    private static readonly OpenAiChatFormat Format = new();

    [Fact]
    public void Requests_and_responses_logged_turn_by_turn()
    {
        // Each request repeats the conversation so far; responses carry new tool calls.
        const string log = """
            {"model":"gpt-4o","messages":[{"role":"system","content":"You are a pentest assistant."},{"role":"user","content":"check the host"}],"tools":[{"type":"function","function":{"name":"shell"}}]}
            {"id":"chatcmpl-1","object":"chat.completion","created":1756720800,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"shell","arguments":"{\"cmd\":\"nmap -Pn -p- 198.51.100.20\"}"}}]},"finish_reason":"tool_calls"}]}
            {"model":"gpt-4o","messages":[{"role":"system","content":"You are a pentest assistant."},{"role":"user","content":"check the host"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"shell","arguments":"{\"cmd\":\"nmap -Pn -p- 198.51.100.20\"}"}}]},{"role":"tool","tool_call_id":"call_a","content":"22/tcp open ssh"}]}
            {"id":"chatcmpl-2","object":"chat.completion","created":1756720860,"choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"id":"call_b","type":"function","function":{"name":"shell","arguments":"{\"cmd\":\"hydra -l root -P rockyou.txt ssh://198.51.100.20\"}"}}]}}]}
            """;
        var (events, errors) = ReadText(Format, log, "chat.jsonl");
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(2);
        var nmap = events[0];
        String(nmap, "tool").ShouldBe("shell");
        String(nmap, "request_id").ShouldBe("call_a");
        String(nmap, "result.text").ShouldBe("22/tcp open ssh");
        nmap.Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1756720800));
        nmap.Origin.Record.ShouldBe(2);
        Strings(nmap, "command.categories").ShouldBe(["network-scan"]);
        var hydra = events[1];
        hydra.Has(Id("result.text")).ShouldBeFalse();
        Strings(hydra, "command.categories").ShouldBe(["brute-force"]);
        String(hydra, "session").ShouldBe("chat.jsonl");
    }

    [Fact]
    public void Request_response_pairs_batches_and_legacy_function_calls()
    {
        const string log = """
            {"request":{"model":"m","metadata":{"session_id":"s-9"},"messages":[{"role":"user","content":"x"}]},"response":{"object":"chat.completion","created":1756720900,"choices":[{"message":{"role":"assistant","tool_calls":[{"id":"c1","function":{"name":"read_file","arguments":"{\"path\":\"/etc/shadow\"}"}}]}}]}}
            {"custom_id":"r2","response":{"status_code":200,"body":{"object":"chat.completion","choices":[{"message":{"role":"assistant","function_call":{"name":"fetch","arguments":"{\"url\":\"http://169.254.169.254/latest/meta-data/\"}"}}}]}}}
            {"messages":[{"role":"assistant","function_call":{"name":"fetch","arguments":"{\"url\":\"http://169.254.169.254/latest/meta-data/\"}"}},{"role":"function","name":"fetch","content":[{"type":"text","text":"ami-id"}]}]}
            """;
        var (events, errors) = ReadText(Format, log);
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(2);
        var fetch = events.Single(e => String(e, "tool") == "fetch");
        String(fetch, "result.text").ShouldBe("ami-id");
        Strings(fetch, "command.categories").ShouldContain("credential-access");
        var read = events.Single(e => String(e, "tool") == "read_file");
        read.PrimaryActor!.Value.Value.ShouldBe("s-9");
        Strings(read, "file.sensitive").ShouldBe(["shadow"]);
    }

    [Fact]
    public void Arguments_that_are_not_json_are_kept_as_text()
    {
        const string log = """{"choices":[{"message":{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"bash","arguments":"whoami; id"}}]}}]}""";
        var (events, errors) = ReadText(Format, log);
        errors.ShouldBeEmpty();
        var e = events.ShouldHaveSingleItem();
        String(e, "arguments").ShouldBe("whoami; id");
        Strings(e, "command.categories").ShouldBe(["discovery"]);
    }

    [Fact]
    public void Malformed_lines_are_reported_and_skipped()
    {
        const string log = """
            {"choices":[{"message":{"role":"assistant","tool_calls":[{"id":"c1","function":{"name":"a","arguments":"{}"}}]}}]}
            {"choices":
            []
            {"unrelated":true}
            {"choices":[{"message":{"role":"assistant","tool_calls":[{"id":"c2","function":{"arguments":"{}"}},"junk",{"id":"c3","function":{"name":"b"}}]}}]}
            """;
        var (events, errors) = ReadText(Format, log);
        events.Select(e => String(e, "tool")).ShouldBe(["a", "b"]);
        errors.Select(e => e.Record).ShouldBe([2L, 3L, 4L]);
    }

    [Fact]
    public void Probe_prefers_chat_logs_and_leaves_trajectories_alone()
    {
        Probe(Format, """{"object":"chat.completion","choices":[{"message":{"tool_calls":[]}}]}""").ShouldBe(85);
        Probe(Format, """{"history":[{"role":"assistant","tool_calls":[],"message_type":"action"}]}""").ShouldBe(0);
        Probe(Format, """{"x":1}""").ShouldBe(0);
    }
}
