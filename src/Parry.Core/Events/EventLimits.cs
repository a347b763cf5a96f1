namespace Parry.Core.Events;

/// <summary>
/// Bounds on one event, so a record that claims to be enormous is an error, not an out-of-memory. The defaults are
/// far above anything a real log record holds (a Windows event tops out at 64 KiB).
/// </summary>
public sealed record EventLimits(int MaxNodes = 100_000, int MaxTextChars = 16 * 1024 * 1024, int MaxDepth = 64)
{
    public static readonly EventLimits Default = new();
}
