using System.Text.Json;
using Parry.Gateway.Audit;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Audit;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Proxy.Stdio;

public class StdioGatewayTests
{
    private static readonly GatewayPolicy LabPolicy = PolicyLoader.Load("""
        scope: { targets: ["10.10.0.0/16", "lab.example.com"] }
        on_out_of_scope: deny
        tools:
          - { tool: "exit", action: allow }
        """, "lab.yml");

    private static string[] Cat => ["cat"];

    [Fact]
    public async Task Untouched_messages_cross_byte_for_byte_both_ways()
    {
        // cat echoes the client's messages back as if the server had sent them: both directions are visible.
        await using var gateway = StdioHarness.Start(command: Cat);
        string[] messages =
        [
            """{ "method" : "tools/list", "jsonrpc":"2.0",  "id":"x\u00e9\"y" , "params":{"cursor":null} }""",
            """{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":7,"progress":0.5,"extra":[1e3,-0.0,true]}}""",
            """{"jsonrpc":"2.0","id":-12.50,"result":{"tools":[]}}""",
            """{"jsonrpc":"2.0","id":"cut","error":{"code":-32601,"message":"méthode"}}""",
        ];
        foreach (var message in messages)
        {
            await gateway.SendAsync(message);
            (await gateway.ReceiveLineAsync()).ShouldBe(message);
        }
    }

    [Fact]
    public async Task An_allowed_call_reaches_the_server_and_its_result_comes_back()
    {
        await using var gateway = StdioHarness.Start(LabPolicy);
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(5, "fetch_url", """{"url":"http://10.10.1.2/status"}"""));
        var response = await gateway.ResponseAsync("5");
        response.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString().ShouldBe("would fetch: http://10.10.1.2/status");
        gateway.Calls().ShouldBe(["fetch_url\thttp://10.10.1.2/status"]);

        await StdioHarness.WaitUntilAsync(() => gateway.Audit().Count == 2, "the result is audited");
        var audit = gateway.Audit();
        audit[0].GetProperty("type").GetString().ShouldBe("decision");
        audit[0].GetProperty("decision").GetString().ShouldBe("allow");
        audit[0].GetProperty("client").GetProperty("name").GetString().ShouldBe("harness");
        audit[0].GetProperty("server").GetString().ShouldBe("parry-test-server");
        audit[0].GetProperty("findings")[0].GetProperty("target").GetString().ShouldBe("http://10.10.1.2/status");
        audit[1].GetProperty("type").GetString().ShouldBe("result");
        audit[1].GetProperty("status").GetString().ShouldBe("ok");
        audit[1].GetProperty("summary").GetString()!.ShouldContain("would fetch");
        audit[1].GetProperty("call_id").GetString().ShouldBe(audit[0].GetProperty("call_id").GetString());
    }

    [Fact]
    public async Task A_denied_call_never_reaches_the_server()
    {
        await using var gateway = StdioHarness.Start(LabPolicy);
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall("d-1", "fetch_url", """{"url":"http://203.0.113.50/admin"}"""));
        var response = await gateway.ResponseAsync("\"d-1\"");
        var error = response.GetProperty("error");
        error.GetProperty("code").GetInt32().ShouldBe(-32010);
        error.GetProperty("message").GetString().ShouldBe(
            "parry: denied by rule 'scope': target http://203.0.113.50/admin (in 'url') is outside the authorised scope");
        error.GetProperty("data").GetProperty("parry").GetProperty("rule").GetString().ShouldBe("scope");

        // A later allowed call proves the server was up and in order, and saw only that one.
        await gateway.SendAsync(StdioHarness.ToolCall(6, "echo", """{"message":"after"}"""));
        await gateway.ResponseAsync("6");
        gateway.Calls().ShouldBe(["echo\tafter"]);
        gateway.Audit().Where(a => a.GetProperty("type").GetString() == "decision").Select(a => a.GetProperty("decision").GetString())
            .ShouldBe(["deny", "allow"]);
    }

    [Fact]
    public async Task Malformed_messages_get_errors_and_are_not_forwarded()
    {
        await using var gateway = StdioHarness.Start(command: Cat);
        await gateway.SendAsync("this is not json");
        JsonDocument.Parse(await gateway.ReceiveLineAsync()).RootElement.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32700);
        await gateway.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/list","method":"tools/call","params":{"name":"x"}}""");
        var invalid = JsonDocument.Parse(await gateway.ReceiveLineAsync()).RootElement;
        invalid.GetProperty("id").GetInt32().ShouldBe(3);
        invalid.GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("parry: duplicate member");
        await gateway.SendAsync("""[{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"x"}}]""");
        JsonDocument.Parse(await gateway.ReceiveLineAsync()).RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("batches");
        await gateway.SendAsync("""{"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo","arguments":{}}}""");

        // cat would echo anything forwarded: the next line back is the marker, so nothing above crossed.
        await gateway.SendAsync("""{"jsonrpc":"2.0","method":"marker"}""");
        (await gateway.ReceiveLineAsync()).ShouldContain("marker");
        var audit = gateway.Audit();
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(a => a.GetProperty("decision").GetString() == "deny" && a.GetProperty("rule").GetString() == "malformed_call");
        audit[2].GetProperty("reason").GetString()!.ShouldContain("notification");
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_its_id_and_the_stream_goes_on()
    {
        await using var gateway = StdioHarness.Start(command: Cat, maxMessageBytes: 2048);
        await gateway.SendAsync(StdioHarness.ToolCall(77, "echo", $$"""{"message":"{{new string('a', 10_000)}}"}"""));
        var error = JsonDocument.Parse(await gateway.ReceiveLineAsync()).RootElement;
        error.GetProperty("id").GetInt32().ShouldBe(77);
        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32012);
        error.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("2048");
        await gateway.SendAsync("""{"jsonrpc":"2.0","method":"marker"}""");
        (await gateway.ReceiveLineAsync()).ShouldContain("marker");
        gateway.Audit().Single().GetProperty("request_id").GetString().ShouldBe("77");
    }

    [Fact]
    public async Task A_server_that_dies_mid_call_answers_the_client_and_ends_the_run()
    {
        await using var gateway = StdioHarness.Start(LabPolicy);
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(9, "exit", "{}"));
        var response = await gateway.ResponseAsync("9");
        response.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("the server exited (code 3)");
        (await gateway.Run.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(1);
        var result = gateway.Audit().Last();
        result.GetProperty("type").GetString().ShouldBe("result");
        result.GetProperty("status").GetString().ShouldBe("server_gone");
    }

    [Fact]
    public async Task A_hanging_server_is_timed_out_on_the_clock_and_told_to_cancel()
    {
        var time = new ManualTime();
        await using var gateway = StdioHarness.Start(LabPolicy, time, callTimeout: TimeSpan.FromSeconds(30));
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(11, "sleep", """{"milliseconds":600000}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Calls().Length == 1, "the server has the call");
        time.Advance(TimeSpan.FromSeconds(30));
        var response = await gateway.ResponseAsync("11");
        response.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("did not answer tools/call 'sleep' within 30s");
        // The server took the cancellation: it is still serving.
        await gateway.SendAsync(StdioHarness.ToolCall(12, "echo", """{"message":"still here"}"""));
        (await gateway.ResponseAsync("12")).GetProperty("result").ToString().ShouldContain("still here");
        gateway.Audit().ShouldContain(a => a.GetProperty("type").GetString() == "result" && a.GetProperty("status").GetString() == "timeout");
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_call_ends_the_run_without_hanging()
    {
        await using var gateway = StdioHarness.Start(LabPolicy);
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(13, "sleep", """{"milliseconds":600000}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Calls().Length == 1, "the server has the call");
        (await gateway.CloseClientAsync()).ShouldBe(0);
        gateway.Audit().Last().GetProperty("status").GetString().ShouldBe("client_gone");
    }

    [Fact]
    public async Task A_held_call_is_denied_when_the_approval_timeout_passes_on_the_clock()
    {
        var time = new ManualTime();
        await using var gateway = StdioHarness.Start(LabPolicy with { OnOutOfScope = PolicyAction.Hold, ApprovalTimeout = TimeSpan.FromSeconds(120) }, time);
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(20, "fetch_url", """{"url":"https://example.org/"}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Runtime.Approvals.Count == 1, "the call is held");
        var held = gateway.Runtime.Approvals.List().Single();
        held.Tool.ShouldBe("fetch_url");
        held.Rule.ShouldBe("scope");

        // Other traffic flows while the call waits.
        await gateway.SendAsync("""{"jsonrpc":"2.0","id":21,"method":"tools/list"}""");
        await gateway.ResponseAsync("21");

        time.Advance(TimeSpan.FromSeconds(120));
        var response = await gateway.ResponseAsync("20");
        response.GetProperty("error").GetProperty("message").GetString().ShouldBe(
            "parry: denied by rule 'scope': not approved within 120s (held for approval: target https://example.org/ (in 'url') is outside the authorised scope)");
        gateway.Calls().ShouldBeEmpty();
        var decisions = gateway.Audit().Where(a => a.GetProperty("call_id").GetString() == held.Id).ToList();
        decisions.Select(d => d.GetProperty("decision").GetString()).ShouldBe(["hold", "deny"]);
        decisions[1].GetProperty("approval").GetProperty("by").GetString().ShouldBe("timeout");
    }

    [Fact]
    public async Task A_held_call_goes_through_once_approved()
    {
        await using var gateway = StdioHarness.Start(LabPolicy with { OnOutOfScope = PolicyAction.Hold });
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(30, "fetch_url", """{"url":"https://example.org/"}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Runtime.Approvals.Count == 1, "the call is held");
        gateway.Calls().ShouldBeEmpty();
        gateway.Runtime.Approvals.Approve(gateway.Runtime.Approvals.List().Single().Id, "checked with the client").ShouldBeTrue();
        (await gateway.ResponseAsync("30")).GetProperty("result").ToString().ShouldContain("would fetch");
        gateway.Calls().ShouldBe(["fetch_url\thttps://example.org/"]);
        gateway.Audit().Where(a => a.GetProperty("type").GetString() == "decision").Select(a => a.GetProperty("decision").GetString())
            .ShouldBe(["hold", "allow"]);
    }

    [Fact]
    public async Task A_client_cancelling_a_held_call_ends_the_hold()
    {
        await using var gateway = StdioHarness.Start(LabPolicy with { OnOutOfScope = PolicyAction.Hold });
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(31, "fetch_url", """{"url":"https://example.org/"}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Runtime.Approvals.Count == 1, "the call is held");
        await gateway.SendAsync("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":31,"reason":"user"}}""");
        (await gateway.ResponseAsync("31")).GetProperty("error").GetProperty("message").GetString()!.ShouldContain("cancelled");
        gateway.Runtime.Approvals.Count.ShouldBe(0);
        gateway.Calls().ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_audit_log_cannot_be_written_calls_are_denied()
    {
        var time = TimeProvider.System;
        await using var gateway = StdioHarness.Start(LabPolicy, time, audit: new AuditLog(new AuditLogTests.BrokenStream(), time, path: "broken.jsonl"));
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(40, "echo", """{"message":"hi"}"""));
        var error = (await gateway.ResponseAsync("40")).GetProperty("error").GetProperty("message").GetString();
        error.ShouldBe("parry: denied by rule 'audit_failure': the audit log cannot be written, so no call proceeds");
        gateway.Calls().ShouldBeEmpty();
        gateway.Diagnostics.ShouldContain("broken.jsonl");
    }

    [Fact]
    public async Task When_inspection_fails_the_call_is_denied_and_audited()
    {
        await using var gateway = StdioHarness.Start(LabPolicy, inspector: new ThrowingInspector());
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(41, "echo", """{"message":"hi"}"""));
        (await gateway.ResponseAsync("41")).GetProperty("error").GetProperty("message").GetString()
            .ShouldBe("parry: denied by rule 'inspection_failure': the call could not be inspected: engine broke");
        gateway.Calls().ShouldBeEmpty();
        gateway.Audit().Single().GetProperty("rule").GetString().ShouldBe("inspection_failure");
    }

    [Fact]
    public async Task A_second_call_with_an_id_in_use_is_refused()
    {
        await using var gateway = StdioHarness.Start(LabPolicy with { OnOutOfScope = PolicyAction.Hold });
        await gateway.InitializeAsync();
        await gateway.SendAsync(StdioHarness.ToolCall(50, "fetch_url", """{"url":"https://example.org/"}"""));
        await StdioHarness.WaitUntilAsync(() => gateway.Runtime.Approvals.Count == 1, "the call is held");
        await gateway.SendAsync(StdioHarness.ToolCall(50, "echo", """{"message":"dup"}"""));
        (await gateway.ResponseAsync("50")).GetProperty("error").GetProperty("message").GetString()!.ShouldContain("duplicate_id");
        gateway.Calls().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_command_that_cannot_start_fails_with_a_clear_error()
    {
        await using var gateway = StdioHarness.Start(command: ["/nonexistent/mcp-server"]);
        (await gateway.Run.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(1);
        gateway.Diagnostics.ShouldContain("cannot start '/nonexistent/mcp-server'");
    }

    private sealed class ThrowingInspector : IToolCallInspector
    {
        public IReadOnlyList<Finding> Inspect(ToolCallRequest request) => throw new InvalidOperationException("engine broke");

        public void Observe(ToolCallRequest request, ToolCallResult result)
        {
        }
    }
}
