using BenchmarkDotNet.Running;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Whole-process measurements have their own modes; everything else is BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "gateway-latency")
            return Parry.Bench.Gateway.GatewayLatency.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
