using System.Net;
using System.Text;
using Parry.Gateway.Policy;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Proxy.Http;

public class HttpGatewayTests
{
    private static readonly GatewayPolicy LabPolicy = PolicyLoader.Load("""
        scope: { targets: ["10.10.0.0/16"] }
        """, "lab.yml");

    [Fact]
    public async Task Session_headers_and_server_sent_events_pass_through()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy);
        await http.InitializeAsync();
        http.SessionId.ShouldNotBeNullOrEmpty();
        var (response, messages) = await http.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        messages.Single().GetProperty("result").GetProperty("tools").GetArrayLength().ShouldBe(8, "the test server's tools");

        // A server-initiated GET stream opens through the gateway.
        using var get = await http.Client.SendAsync(http.Request(HttpMethod.Get), HttpCompletionOption.ResponseHeadersRead);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");

        using var delete = await http.Client.SendAsync(http.Request(HttpMethod.Delete));
        delete.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (after, _) = await http.PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Allowed_and_denied_calls()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy);
        await http.InitializeAsync();
        var (_, allowed) = await http.PostAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"fetch_url","arguments":{"url":"http://10.10.0.9/"}}}""");
        allowed.Single().GetProperty("result").ToString().ShouldContain("would fetch");
        var (response, denied) = await http.PostAsync("""{"jsonrpc":"2.0","id":"four","method":"tools/call","params":{"name":"fetch_url","arguments":{"url":"http://192.0.2.1/"}}}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        denied.Single().GetProperty("id").GetString().ShouldBe("four");
        denied.Single().GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("parry: denied by rule 'scope'");
        http.Calls().ShouldBe(["fetch_url\thttp://10.10.0.9/"]);
        var audit = http.Audit();
        audit.ShouldContain(a => a.GetProperty("session").GetString() == http.SessionId && a.GetProperty("type").GetString() == "decision"
            && a.GetProperty("decision").GetString() == "deny");
        audit.ShouldContain(a => a.GetProperty("type").GetString() == "result" && a.GetProperty("status").GetString() == "ok");
    }

    [Fact]
    public async Task Malformed_and_oversized_posts_are_refused_with_clear_errors()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy, maxMessageBytes: 4096);
        await http.InitializeAsync();
        var (bad, badMessages) = await http.PostAsync("{not json");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badMessages.Single().GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32700);

        var big = StdioHarness.ToolCall(8, "echo", $$"""{"message":"{{new string('x', 10_000)}}"}""");
        var (tooLarge, tooLargeMessages) = await http.PostAsync(big);
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        tooLargeMessages.Single().GetProperty("id").GetInt32().ShouldBe(8);
        tooLargeMessages.Single().GetProperty("error").GetProperty("message").GetString()!.ShouldContain("4096");
        http.Calls().ShouldBeEmpty();
        http.Audit().Single().GetProperty("rule").GetString().ShouldBe("malformed_call");
    }

    [Fact]
    public async Task Requests_from_a_web_page_are_refused()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy);
        var request = http.Request(HttpMethod.Post, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        request.Headers.Add("Origin", "https://evil.example.com");
        using var response = await http.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_hanging_server_is_timed_out_on_the_clock()
    {
        var time = new ManualTime();
        await using var http = await HttpHarness.StartAsync(LabPolicy, time, callTimeout: TimeSpan.FromSeconds(30));
        await http.InitializeAsync();
        var call = http.PostAsync("""{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"sleep","arguments":{"milliseconds":600000}}}""");
        await StdioHarness.WaitUntilAsync(() => http.Calls().Length == 1, "the server has the call");
        time.Advance(TimeSpan.FromSeconds(30));
        var (_, messages) = await call.WaitAsync(TimeSpan.FromSeconds(30));
        messages.Last().GetProperty("error").GetProperty("message").GetString()!.ShouldContain("did not answer tools/call 'sleep' within 30s");
        await StdioHarness.WaitUntilAsync(() => http.Audit().Any(a => a.TryGetProperty("status", out var s) && s.GetString() == "timeout"), "the timeout is audited");
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_call_is_audited_and_nothing_hangs()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy);
        await http.InitializeAsync();
        using var cancel = new CancellationTokenSource();
        var call = http.PostAsync("""{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"sleep","arguments":{"milliseconds":600000}}}""", cancel.Token);
        await StdioHarness.WaitUntilAsync(() => http.Calls().Length == 1, "the server has the call");
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(call);
        await StdioHarness.WaitUntilAsync(() => http.Audit().Any(a => a.TryGetProperty("status", out var s) && s.GetString() == "client_gone"), "the abandoned call is audited");
    }

    [Fact]
    public async Task A_server_that_dies_mid_call_gives_the_client_an_error()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy with { Tools = [new ToolRule("exit", new Glob("exit"), null, PolicyAction.Allow, null)] });
        await http.InitializeAsync();
        var (_, messages) = await http.PostAsync("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"exit","arguments":{}}}""");
        messages.Last().GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("parry: ");
        await StdioHarness.WaitUntilAsync(() => http.Audit().Any(a => a.TryGetProperty("status", out var s) && s.GetString() == "server_gone"), "the server's death is audited");
    }

    [Fact]
    public async Task An_unreachable_upstream_is_a_clear_error()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy, upstreamRunning: false);
        var (listResponse, list) = await http.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        listResponse.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        list.Single().GetProperty("error").GetProperty("message").GetString()!.ShouldContain("cannot be reached");
        var (_, call) = await http.PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}""");
        call.Single().GetProperty("id").GetInt32().ShouldBe(2);
        call.Single().GetProperty("error").GetProperty("message").GetString()!.ShouldContain("cannot be reached");
        http.Audit().Last().GetProperty("status").GetString().ShouldBe("server_gone");
    }

    [Fact]
    public async Task A_held_call_waits_on_its_request_and_is_denied_at_the_timeout()
    {
        var time = new ManualTime();
        await using var http = await HttpHarness.StartAsync(LabPolicy with { OnOutOfScope = PolicyAction.Hold, ApprovalTimeout = TimeSpan.FromSeconds(60) }, time);
        await http.InitializeAsync();
        var call = http.PostAsync("""{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"fetch_url","arguments":{"url":"http://198.51.100.1/"}}}""");
        await StdioHarness.WaitUntilAsync(() => http.Runtime.Approvals.Count == 1, "the call is held");
        time.Advance(TimeSpan.FromSeconds(60));
        var (_, messages) = await call.WaitAsync(TimeSpan.FromSeconds(30));
        messages.Single().GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("parry: denied by rule 'scope': not approved within 60s");
        http.Calls().ShouldBeEmpty();
    }

    [Fact]
    public async Task Unsupported_methods_are_refused()
    {
        await using var http = await HttpHarness.StartAsync(LabPolicy);
        using var response = await http.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
