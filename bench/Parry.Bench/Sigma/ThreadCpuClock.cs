using System.Runtime.InteropServices;

namespace Parry.Bench.Sigma;

/// <summary>The calling thread's CPU time in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): the
/// 10-ms ticks of <c>/proc/thread-self/stat</c> are too coarse for windows of a few hundred milliseconds.</summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static double Seconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var now) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return now.Seconds + now.Nanoseconds / 1e9;
    }

    // DllImport rather than LibraryImport: the bench project does not allow unsafe code, and a blittable struct
    // needs no marshalling.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
