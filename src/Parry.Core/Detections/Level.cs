namespace Parry.Core.Detections;

/// <summary>Sigma's severity levels, in increasing order so they compare.</summary>
public enum Level : byte
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}
