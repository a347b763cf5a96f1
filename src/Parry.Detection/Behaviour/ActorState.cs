using System.Runtime.InteropServices;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Everything tracked about one actor's tempo and breadth, in about 210 bytes, so a million actors fit in a couple
/// of hundred megabytes. Times are milliseconds since the actor was first seen.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct ActorState
{
    public ulong Key;
    public long FirstTicks;
    public int LastMs;
    public int LastCountedMs;          // last event that is not a machine follow-up
    public int Events;
    public int FollowUps;
    public int Gaps;
    public float GapSumSeconds;
    public float GapSumSquares;
    public int GapsBelowFloor;
    public GapHistogram Histogram;
    public int RunStartMs;             // current run at machine tempo
    public int RunSlowGaps;
    public int LongestRunMs;
    public int MinuteStartMs;
    public int MinuteCount;
    public int PeakPerMinute;
    public CompactHyperLogLog Targets;
    public CompactHyperLogLog Items;
    public int WindowStartMs;          // the current 10-second window for parallel targets
    public TinyHyperLogLog WindowTargets;
    public int MaxWindowTargets;
    public int LastFailureMs;
    public uint LastFailureTarget;
    public uint LastFailureItem;
    public int Failures;
    public int AdaptedRetries;
    public int Detections;

    public readonly long LastTicks => FirstTicks + LastMs * TimeSpan.TicksPerMillisecond;
}
