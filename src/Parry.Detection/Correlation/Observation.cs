namespace Parry.Detection.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>One detection as a correlation sees it: its time in the stream, which of the correlation's rules it
/// is, and the value(s) the correlation aggregates (a key for distinct values, numbers for sums; NaN where the
/// event has no number).</summary>
internal readonly ref struct Observation(long ticks, Detection detection, int member, ReadOnlySpan<char> valueKey, ReadOnlySpan<double> numbers)
{
    public long Ticks { get; } = ticks;

    public Detection Detection { get; } = detection;

    public int Member { get; } = member;

    public ReadOnlySpan<char> ValueKey { get; } = valueKey;

    public ReadOnlySpan<double> Numbers { get; } = numbers;
}
