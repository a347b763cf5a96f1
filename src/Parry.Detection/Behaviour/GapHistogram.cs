using System.Runtime.CompilerServices;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Gaps between an actor's events on a log scale, 16 saturating counters in 32 bytes: bucket <c>i</c> holds gaps in
/// [16·2^i, 16·2^(i+1)) ms (bucket 0 also everything shorter), so the median is known to within a factor of √2 from
/// 16 ms to 17 minutes.
/// </summary>
[InlineArray(16)]
internal struct GapHistogram
{
    private ushort _element;

    public const int Buckets = 16;

    public static int BucketOf(int gapMs)
    {
        if (gapMs < 32)
            return 0;
        var bucket = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(gapMs / 16));
        return Math.Min(bucket, Buckets - 1);
    }

    public static double LowerBoundMs(int bucket) => bucket == 0 ? 0 : 16.0 * (1 << bucket);

    public static double UpperBoundMs(int bucket) => 16.0 * (1 << (bucket + 1));

    public void Add(int gapMs)
    {
        var bucket = BucketOf(gapMs);
        if (this[bucket] == ushort.MaxValue)
        {
            // Keep proportions when a counter saturates: halve them all.
            for (var i = 0; i < Buckets; i++)
                this[i] = (ushort)(this[i] >> 1);
        }
        this[bucket]++;
    }

    /// <summary>The median gap in seconds (the geometric middle of the median's bucket); NaN with no gaps.</summary>
    public readonly double MedianSeconds()
    {
        long total = 0;
        for (var i = 0; i < Buckets; i++)
            total += this[i];
        if (total == 0)
            return double.NaN;
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += this[i];
            if (seen * 2 >= total)
            {
                var low = Math.Max(LowerBoundMs(i), 8);
                return Math.Sqrt(low * UpperBoundMs(i)) / 1000.0;
            }
        }
        return double.NaN;
    }
}
