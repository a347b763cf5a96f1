using BenchmarkDotNet.Running;
using Parry.Bench.Agents;

namespace Parry.Bench;

internal static class Program
{
    // Whole-run modes by name; anything else goes to BenchmarkDotNet (e.g. --filter '*ToolCallAnalysis*').
    private static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "agents-cputime" => AgentsCpuTime.Run(args[1..]),
        _ => RunBenchmarks(args),
    };

    private static int RunBenchmarks(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
