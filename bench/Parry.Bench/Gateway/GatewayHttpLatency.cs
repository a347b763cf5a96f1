using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Parry.Bench.Gateway;

/// <summary>The streamable HTTP variant of <see cref="GatewayLatency"/>: same server, same calls, one POST each.</summary>
internal static class GatewayHttpLatency
{
    /// <param name="runParry">The command that runs parry (<c>dotnet parry.dll</c>, or a published executable).</param>
    public static int Run(string server, string[] runParry, string policy, DirectoryInfo work, int calls, int rate, int warmup)
    {
        const int serverPort = 39731;
        const int gatewayPort = 39732;
        using var upstream = Start("dotnet", [server, "http", serverPort.ToString(CultureInfo.InvariantCulture)], serverPort);
        using var gateway = Start(runParry[0], [.. runParry[1..], "gateway", "--listen", $"127.0.0.1:{gatewayPort}", "--upstream", $"http://127.0.0.1:{serverPort}/mcp",
            "--policy", policy, "--audit", Path.Combine(work.FullName, "audit.jsonl"), "--control", Path.Combine(work.FullName, "ctl.sock")], gatewayPort);
        try
        {
            Console.WriteLine($"HTTP: tools/call fetch_url (in scope, audited), {calls} calls at {rate}/s after {warmup} warm-up calls; {Environment.ProcessorCount} cores");
            var alone = Measure("server alone", serverPort, calls, rate, warmup);
            gateway.Refresh();
            var cpuBefore = gateway.TotalProcessorTime;
            var through = Measure("through parry gateway", gatewayPort, calls, rate, warmup);
            gateway.Refresh();
            var cpu = (gateway.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1000 / (calls + warmup);
            Console.WriteLine($"gateway process CPU time per call (user + system): {cpu:0} µs");
            upstream.Refresh();
            Console.WriteLine($"server process CPU time per call (user + system, both phases, incl. start-up): {upstream.TotalProcessorTime.TotalMilliseconds * 1000 / (2 * (calls + warmup)):0} µs");
            Console.WriteLine();
            Console.WriteLine("| path | p50 ms | p90 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|");
            GatewayLatency.Print("server alone", alone);
            GatewayLatency.Print("through parry gateway", through);
            Console.WriteLine($"| **added by the gateway** | {GatewayLatency.Diff(through, alone, 0.50)} | {GatewayLatency.Diff(through, alone, 0.90)} | {GatewayLatency.Diff(through, alone, 0.99)} | |");
            return 0;
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            upstream.Kill(entireProcessTree: true);
            gateway.WaitForExit(10_000);
            upstream.WaitForExit(10_000);
            work.Delete(recursive: true);
        }
    }

    private static double[] Measure(string name, int port, int calls, int rate, int warmup)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/mcp"),
        };
        var session = Post(http, null, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""")
            .GetAwaiter().GetResult().Session;
        Post(http, session, """{"jsonrpc":"2.0","method":"notifications/initialized"}""").GetAwaiter().GetResult();

        var total = warmup + calls;
        var latencies = new double[total + 1];
        var pending = new List<Task>(total);
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var next = 1;
        while (next <= total)
        {
            var now = Stopwatch.GetTimestamp();
            while (next <= total && start + (long)(next * interval) <= now)
            {
                var id = next++;
                var message = "{\"jsonrpc\":\"2.0\",\"id\":" + id.ToString(CultureInfo.InvariantCulture)
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"fetch_url\",\"arguments\":{\"url\":\"https://app.lab.example.com/items/"
                    + id.ToString(CultureInfo.InvariantCulture) + "\"}}}";
                pending.Add(Task.Run(async () =>
                {
                    var sent = Stopwatch.GetTimestamp();
                    var (_, body) = await Post(http, session, message);
                    if (!body.Contains("would fetch", StringComparison.Ordinal))
                        throw new InvalidOperationException(name + ": unexpected answer " + body);
                    latencies[id] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }));
            }
            Thread.Sleep(1);
        }
        Task.WaitAll([.. pending], TimeSpan.FromSeconds(120));
        Console.WriteLine($"{name}: {calls} calls measured");
        return [.. latencies.Skip(warmup + 1).Order()];
    }

    private static async Task<(string? Session, string Body)> Post(HttpClient http, string? session, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (session is not null)
            request.Headers.Add("Mcp-Session-Id", session);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.Headers.TryGetValues("Mcp-Session-Id", out var values) ? values.First() : session, body);
    }

    private static Process Start(string file, string[] arguments, int port)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", port);
                return process;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }
}
