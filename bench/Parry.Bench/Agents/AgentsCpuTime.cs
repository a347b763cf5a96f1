using System.Diagnostics;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;

namespace Parry.Bench.Agents;

/// <summary>
/// A whole-run figure without BenchmarkDotNet, for a shared machine: analyses the sample calls over and over on one
/// thread and reports calls per second of CPU time (so time spent waiting for a core on a loaded machine does not
/// count). Warms up first — tiered compilation reaches optimised code late when its background thread has to wait for
/// a core too — then measures several rounds and reports each and the best.
/// Usage: <c>agents-cputime [seconds-per-round] [rounds]</c>.
/// </summary>
internal static class AgentsCpuTime
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 3;
        var analyzer = ToolCallAnalyzer.Default;
        var sets = new[] { ("hand-written mix", ToolCallSamples.HandWritten()), ("swe-agent steps", ToolCallSamples.SweAgentSteps()) };
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3 * seconds)
        {
            foreach (var (_, calls) in sets)
                Analyse(analyzer, calls);
        }
        foreach (var (name, calls) in sets)
        {
            var best = double.MaxValue;
            for (var round = 1; round <= rounds; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                long analysed = 0;
                while (wall.Elapsed.TotalSeconds < seconds)
                    analysed += Analyse(analyzer, calls);
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var perCall = used / analysed * 1e6;
                best = Math.Min(best, perCall);
                Console.WriteLine($"{name} round {round}: {analysed:N0} analyses of {calls.Length} calls in {used:F2} s CPU ({wall.Elapsed.TotalSeconds:F2} s wall): {perCall:F1} µs per call, {1e6 / perCall:N0} calls/s per core");
            }
            Console.WriteLine($"{name} best: {best:F1} µs per call, {1e6 / best:N0} calls/s per core");
        }
        return 0;
    }

    private static int Analyse(ToolCallAnalyzer analyzer, ToolCall[] calls)
    {
        foreach (var call in calls)
            analyzer.Analyze(call);
        return calls.Length;
    }
}
