using BenchmarkDotNet.Running;

namespace Parry.Bench;

internal static class Program
{
    // Every benchmark class in this assembly; pick with --filter (e.g. --filter '*Ingest*'). "ingest-cputime [rounds]"
    // measures decoder throughput in CPU time instead (for a busy shared machine).
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest-cputime")
        {
            Ingest.IngestCpuTime.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
