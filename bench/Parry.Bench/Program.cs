using BenchmarkDotNet.Running;
using Parry.Bench.Agents;
using Parry.Bench.Behaviour;
using Parry.Bench.Correlation;
using Parry.Bench.Evtx;
using Parry.Bench.Gateway;
using Parry.Bench.Ingest;
using Parry.Bench.Sigma;

namespace Parry.Bench;

internal static class Program
{
    // Whole-run modes by name; anything else goes to BenchmarkDotNet (e.g. --filter '*Evtx*').
    private static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "evtx-throughput" => EvtxThroughput.Run(args[1..]),
        "evtx-bigfile" => EvtxBigFile.Run(args[1..]),
        "ingest-cputime" => IngestCpuTime.Run(args[1..]),
        "agents-cputime" => AgentsCpuTime.Run(args[1..]),
        "correlation-steady" => CorrelationSteadyState.Run(args[1..]),
        "correlation-spray" => CorrelationSpray.Run(args[1..]),
        "gateway-latency" => GatewayLatency.Run(args[1..]),
        "gateway-inspect-cputime" => DetectionInspectionCpuTime.Run(args[1..]),
        "generate-weblog" => Pipeline.WebLogGenerator.Run(args[1..]),
        "hunt-parts" => Pipeline.HuntParts.Run(args[1..]),
        "sigma-cputime" => SigmaCpuTime.Run(args[1..]),
        "sigma-profile" => SigmaProfile.Run(args[1..]),
        "sigma-interleaved" => SigmaInterleaved.Run(args[1..]),
        "hunt-profile" => Pipeline.HuntProfile.Run(args[1..]),
        "hunt-startup" => Pipeline.HuntStartup.Run(args[1..]),
        "rule-memory" => RuleMemory.Run(args[1..]),
        "behaviour-memory" => BehaviourMemory.Run(args[1..]),
        _ => RunBenchmarks(args),
    };

    private static int RunBenchmarks(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
