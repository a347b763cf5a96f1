using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parry.Bench.Gateway;

/// <summary>
/// Whole-process latency of tools/call over stdio, the same C# MCP test server with and without the gateway in front:
/// calls are sent open-loop at a fixed rate (default 1,000/s), each timed from its write to its answer. Prints p50,
/// p90, p99 and max for both, and what the gateway adds.
/// With <c>--transport http</c> the same over streamable HTTP: the test server on one loopback port, the gateway on
/// another, each call one POST whose SSE answer is read to its end.
/// With <c>--mix agent</c> (stdio) the calls rotate through an agent's work instead of one fetch: commands (ls, git,
/// cat, dotnet), file reads, an in-scope nmap scan that the rules detect (medium: allowed, recorded) and fetches — every
/// one allowed, so none waits for a human.
/// Usage: Parry.Bench gateway-latency [--transport stdio|http] [--mix fetch|agent] [--calls N] [--rate PER_SECOND] [--warmup N]
/// (build first: dotnet build -c Release src/Parry.Cli tests/Parry.Gateway.TestServer)
/// </summary>
internal static class GatewayLatency
{
    public static int Run(string[] args)
    {
        var calls = Option(args, "--calls", 10_000);
        var rate = Option(args, "--rate", 1_000);
        var warmup = Option(args, "--warmup", 3_000);
        var mix = args.Contains("agent") ? AgentMix : FetchOnly;
        var root = RepositoryRoot();
        var server = Path.Combine(root, "tests", "Parry.Gateway.TestServer", "bin", "Release", "net10.0", "Parry.Gateway.TestServer.dll");
        var parry = Path.Combine(root, "src", "Parry.Cli", "bin", "Release", "net10.0", "parry.dll");
        // --parry PATH: the gateway from a published executable (the native build of scripts/publish-native.sh)
        // instead of the build's parry.dll under dotnet.
        var native = OptionText(args, "--parry") is { } given ? Path.GetFullPath(given) : null;
        string[] runParry = native is null ? ["dotnet", parry] : [native];
        foreach (var path in new[] { server, runParry[^1] })
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path} is missing: dotnet build -c Release src/Parry.Cli tests/Parry.Gateway.TestServer");
                return 1;
            }
        }
        var work = Directory.CreateTempSubdirectory("parry-latency-");
        var policy = Path.Combine(work.FullName, "policy.yml");
        File.WriteAllText(policy, """
            scope: { targets: ["10.10.0.0/16", "*.lab.example.com"] }
            on_out_of_scope: deny
            tools:
              - { tool: "shell_*", action: deny }
            """);
        if (args.Contains("http"))
            return GatewayHttpLatency.Run(server, runParry, policy, work, calls, rate, warmup);
        string[] direct = ["dotnet", server, "stdio"];
        string[] gateway = [.. runParry, "gateway", "--policy", policy,
            "--audit", Path.Combine(work.FullName, "audit.jsonl"), "--control", Path.Combine(work.FullName, "ctl.sock"), "--", "dotnet", server, "stdio"];

        Console.WriteLine($"tools/call {(mix == AgentMix ? "agent mix" : "fetch_url")} (in scope, audited), {calls} calls at {rate}/s after {warmup} warm-up calls; gateway {string.Join(' ', runParry)}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var withoutGateway = Measure("server alone", direct, calls, rate, warmup, mix);
        var withGateway = Measure("through parry gateway", gateway, calls, rate, warmup, mix);
        Console.WriteLine();
        Console.WriteLine("| path | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|");
        Print("server alone", withoutGateway);
        Print("through parry gateway", withGateway);
        Console.WriteLine($"| **added by the gateway** | {Diff(withGateway, withoutGateway, 0.50)} | {Diff(withGateway, withoutGateway, 0.90)} | {Diff(withGateway, withoutGateway, 0.99)} | |");
        var judging = File.ReadLines(Path.Combine(work.FullName, "audit.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("type").GetString() == "decision")
            .Select(r => r.GetProperty("latency_us").GetDouble() / 1000.0)
            .Skip(warmup)
            .Order()
            .ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the gateway's own judging time per call (audit latency_us, parse to decision, before the audit write): p50 {Percentile(judging, 0.5):0.000} ms, p99 {Percentile(judging, 0.99):0.000} ms over {judging.Length} calls"));
        work.Delete(recursive: true);
        return 0;
    }

    private static readonly string[] FetchOnly = ["\"fetch_url\",\"arguments\":{\"url\":\"https://app.lab.example.com/items/{0}\"}"];

    private static readonly string[] AgentMix =
    [
        "\"run_command\",\"arguments\":{\"command\":\"ls -la src/{0}\"}",
        "\"run_command\",\"arguments\":{\"command\":\"git status\"}",
        "\"read_file\",\"arguments\":{\"path\":\"src/Item{0}.cs\"}",
        "\"run_command\",\"arguments\":{\"command\":\"cat README.md\"}",
        "\"fetch_url\",\"arguments\":{\"url\":\"https://app.lab.example.com/items/{0}\"}",
        "\"run_command\",\"arguments\":{\"command\":\"dotnet build -c Release\"}",
        "\"run_command\",\"arguments\":{\"command\":\"nmap -sV -p 22,80 10.10.0.5\"}",
        "\"run_command\",\"arguments\":{\"command\":\"git diff HEAD~1 -- src/Program.cs\"}",
    ];

    private static double[] Measure(string name, string[] command, int calls, int rate, int warmup, string[] mix)
    {
        var info = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput;
        Send(input, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""");
        output.ReadLine();
        Send(input, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");

        var total = warmup + calls;
        var sent = new long[total + 1];
        var received = new long[total + 1];
        var reader = new Thread(() =>
        {
            for (var n = 0; n < total; n++)
            {
                var line = output.ReadLine() ?? throw new EndOfStreamException(name + ": the server closed its output");
                var id = ReadId(line);
                received[id] = Stopwatch.GetTimestamp();
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        reader.Start();

        // Open loop: every call has its due time; the sender sleeps between due times rather than spinning, so it
        // does not take a core from the processes it measures (on 2 cores that would be half the machine).
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var next = 1;
        var cpuAtWarmup = TimeSpan.Zero;
        while (next <= total)
        {
            var now = Stopwatch.GetTimestamp();
            while (next <= total && start + (long)(next * interval) <= now)
            {
                var message = "{\"jsonrpc\":\"2.0\",\"id\":" + next.ToString(CultureInfo.InvariantCulture)
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                    + mix[next % mix.Length].Replace("{0}", next.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "}}";
                if (next == warmup + 1)
                {
                    process.Refresh();
                    cpuAtWarmup = process.TotalProcessorTime;
                }
                sent[next] = Stopwatch.GetTimestamp();
                Send(input, message);
                next++;
            }
            Thread.Sleep(1);
        }
        if (!reader.Join(TimeSpan.FromSeconds(60)))
            throw new TimeoutException(name + ": not every call was answered");
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU time of the process started (user + system; its children not included): {process.TotalProcessorTime.TotalMilliseconds * 1000 / total:0} µs per call over the whole run incl. start-up, {(process.TotalProcessorTime - cpuAtWarmup).TotalMilliseconds * 1000 / calls:0} µs per measured call"));
        var achieved = total / Stopwatch.GetElapsedTime(start).TotalSeconds;
        input.Close();
        process.WaitForExit(10_000);
        Console.WriteLine($"{name}: {calls} calls measured, {achieved:0} calls/s achieved");
        return [.. Enumerable.Range(warmup + 1, calls).Select(i => (received[i] - sent[i]) * 1000.0 / Stopwatch.Frequency).Order()];
    }

    private static void Send(Stream input, string message)
    {
        input.Write(Encoding.UTF8.GetBytes(message + "\n"));
        input.Flush();
    }

    private static int ReadId(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.TryGetProperty("error", out var error))
            throw new InvalidOperationException("a call failed: " + error);
        return document.RootElement.GetProperty("id").GetInt32();
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    internal static void Print(string name, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(sorted, 0.5):0.000} | {Percentile(sorted, 0.9):0.000} | {Percentile(sorted, 0.99):0.000} | {sorted[^1]:0.000} |"));

    internal static string Diff(double[] with, double[] without, double p) =>
        (Percentile(with, p) - Percentile(without, p)).ToString("+0.000;-0.000", CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parry.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Parry.slnx not found above the benchmark binaries");
    }
}
