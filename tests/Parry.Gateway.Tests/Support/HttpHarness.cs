using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Proxy.Http;

namespace Parry.Gateway.Tests.Support;

/// <summary>The HTTP gateway in-process (so tests drive its clock) in front of the C# test server's HTTP process.</summary>
internal sealed class HttpHarness : IAsyncDisposable
{
    private HttpHarness(TempDirectory directory, BackgroundProcess? upstream, GatewayRuntime runtime, HttpGateway gateway, StringWriter diagnostics)
    {
        Directory = directory;
        Upstream = upstream;
        Runtime = runtime;
        Gateway = gateway;
        DiagnosticsWriter = diagnostics;
        Client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TempDirectory Directory { get; }

    public BackgroundProcess? Upstream { get; }

    public GatewayRuntime Runtime { get; }

    public HttpGateway Gateway { get; }

    public HttpClient Client { get; }

    private StringWriter DiagnosticsWriter { get; }

    public string Diagnostics => DiagnosticsWriter.ToString();

    public string? SessionId { get; private set; }

    public string CallLog => Directory.File("calls.log");

    public string AuditPath => Directory.File("audit.jsonl");

    public static async Task<HttpHarness> StartAsync(GatewayPolicy? policy = null, TimeProvider? time = null, int maxMessageBytes = 1 << 20,
        TimeSpan? callTimeout = null, bool upstreamRunning = true)
    {
        var directory = new TempDirectory();
        var upstreamPort = FreePort.Next();
        var upstream = upstreamRunning ? await Servers.TestServerHttpAsync(upstreamPort, directory.File("calls.log")) : null;
        time ??= TimeProvider.System;
        var diagnostics = new StringWriter();
        var runtime = new GatewayRuntime(policy ?? GatewayPolicy.Default, new BuiltInInspector(), AuditLog.OpenFile(directory.File("audit.jsonl"), time),
            new ApprovalQueue(time), time, new Diagnostics(TextWriter.Synchronized(diagnostics)), new GatewayLimits(maxMessageBytes, callTimeout, null));
        var gateway = await HttpGateway.StartAsync(runtime, new IPEndPoint(IPAddress.Loopback, 0), new Uri($"http://127.0.0.1:{upstreamPort}/mcp"));
        return new HttpHarness(directory, upstream, runtime, gateway, diagnostics);
    }

    public HttpRequestMessage Request(HttpMethod method, string? json = null)
    {
        var request = new HttpRequestMessage(method, "");
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (SessionId is not null)
            request.Headers.Add("Mcp-Session-Id", SessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return request;
    }

    /// <summary>POSTs one message and returns the HTTP response and the JSON-RPC messages in its body (JSON or SSE).</summary>
    public async Task<(HttpResponseMessage Response, List<JsonElement> Messages)> PostAsync(string json, CancellationToken cancellation = default)
    {
        var response = await Client.SendAsync(Request(HttpMethod.Post, json), cancellation);
        return (response, await MessagesAsync(response));
    }

    public static async Task<List<JsonElement>> MessagesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
            return [];
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return [.. body.Split('\n')
                .Where(l => l.StartsWith("data:", StringComparison.Ordinal) && l.Length > 6)
                .Select(l => JsonDocument.Parse(l[5..].Trim()).RootElement.Clone())];
        }
        return [JsonDocument.Parse(body).RootElement.Clone()];
    }

    public async Task InitializeAsync()
    {
        var (response, messages) = await PostAsync("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"http-harness","version":"1"}}}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        messages.Single().GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("parry-test-server");
        SessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        (await PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")).Response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    public string[] Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    public List<JsonElement> Audit() => EndToEnd.EndToEndScenario.Records(AuditPath);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        if (Upstream is not null)
            await Upstream.DisposeAsync();
        Runtime.Audit.Dispose();
        Directory.Dispose();
    }
}
