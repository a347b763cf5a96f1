using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Proxy.Stdio;

namespace Parry.Gateway.Tests.Support;

/// <summary>
/// Runs the stdio gateway in-process against a real server process, with the client side as raw JSON lines, so tests
/// see exactly the bytes that cross and can drive the clock.
/// </summary>
internal sealed class StdioHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Pipe _toGateway = new();
    private readonly Pipe _fromGateway = new();
    private readonly StreamReader _reader;

    private StdioHarness(GatewayRuntime runtime, IReadOnlyList<string> command, TempDirectory directory)
    {
        Runtime = runtime;
        Directory = directory;
        _reader = new StreamReader(_fromGateway.Reader.AsStream(), Encoding.UTF8);
        Run = Task.Run(() => new StdioGateway(runtime, command).RunAsync(_toGateway.Reader.AsStream(), _fromGateway.Writer.AsStream(), CancellationToken.None));
    }

    public GatewayRuntime Runtime { get; }

    public TempDirectory Directory { get; }

    public Task<int> Run { get; }

    public string CallLog => Directory.File("calls.log");

    public string AuditPath => Directory.File("audit.jsonl");

    /// <summary>The gateway in front of the C# test server, or of <paramref name="command"/> when given.</summary>
    public static StdioHarness Start(GatewayPolicy? policy = null, TimeProvider? time = null, int maxMessageBytes = 1 << 20,
        IToolCallInspector? inspector = null, AuditLog? audit = null, TimeSpan? callTimeout = null, IReadOnlyList<string>? command = null)
    {
        var directory = new TempDirectory();
        time ??= TimeProvider.System;
        var harnessAudit = audit ?? AuditLog.OpenFile(directory.File("audit.jsonl"), time);
        var stderr = new StringWriter();
        var runtime = new GatewayRuntime(policy ?? GatewayPolicy.Default, inspector ?? new BuiltInInspector(), harnessAudit,
            new ApprovalQueue(time), time, new Diagnostics(TextWriter.Synchronized(stderr)),
            new GatewayLimits(maxMessageBytes, callTimeout, null));
        command ??= [TestPaths.Dotnet, TestPaths.TestServerDll, "stdio", "--call-log", directory.File("calls.log")];
        return new StdioHarness(runtime, command, directory) { StderrSource = stderr };
    }

    private StringWriter? StderrSource { get; init; }

    public string Diagnostics => StderrSource?.ToString() ?? "";

    public async Task SendAsync(string line)
    {
        await _toGateway.Writer.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
    }

    public async Task<string> ReceiveLineAsync()
    {
        var line = await _reader.ReadLineAsync().WaitAsync(Patience);
        return line ?? throw new EndOfStreamException("the gateway closed the client's stream");
    }

    /// <summary>The next message that is the response with this id (other messages are skipped and returned too).</summary>
    public async Task<JsonElement> ResponseAsync(string rawId, List<JsonElement>? others = null)
    {
        while (true)
        {
            var line = await ReceiveLineAsync();
            var element = JsonDocument.Parse(line).RootElement.Clone();
            if (element.TryGetProperty("id", out var id) && id.GetRawText() == rawId && !element.TryGetProperty("method", out _))
                return element;
            others?.Add(element);
        }
    }

    public async Task InitializeAsync(string protocolVersion = "2025-11-25")
    {
        await SendAsync("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":""" + JsonSerializer.Serialize(protocolVersion)
            + ""","capabilities":{},"clientInfo":{"name":"harness","version":"9.9"}}}""");
        await ResponseAsync("0");
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
    }

    public static string ToolCall(object id, string tool, string arguments) =>
        $$$"""{"jsonrpc":"2.0","id":{{{JsonSerializer.Serialize(id)}}},"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""";

    public string[] Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    public List<JsonElement> Audit() =>
        File.Exists(AuditPath)
            ? [.. File.ReadAllLines(AuditPath).Select(l => JsonDocument.Parse(l).RootElement.Clone())]
            : [];

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("gave up waiting until " + what);
            await Task.Delay(20);
        }
    }

    public async Task<int> CloseClientAsync()
    {
        await _toGateway.Writer.CompleteAsync();
        return await Run.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _toGateway.Writer.CompleteAsync();
        try
        {
            await Run.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            // Reported by the test that hung it.
        }
        Runtime.Audit.Dispose();
        Directory.Dispose();
    }
}
