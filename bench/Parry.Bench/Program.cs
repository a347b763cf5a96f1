using BenchmarkDotNet.Running;
using Parry.Bench.Ingest;

namespace Parry.Bench;

internal static class Program
{
    // Whole-run modes by name; anything else goes to BenchmarkDotNet (e.g. --filter '*DecoderBenchmarks*').
    private static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "ingest-cputime" => IngestCpuTime.Run(args[1..]),
        _ => RunBenchmarks(args),
    };

    private static int RunBenchmarks(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
