using System.Diagnostics;

namespace Parry.Bench;

/// <summary>The CPU time (user + system, every thread) this process has used so far: the benches' per-core measure
/// on a machine whose cores are shared.</summary>
internal static class ProcessCpu
{
    public static double Seconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
