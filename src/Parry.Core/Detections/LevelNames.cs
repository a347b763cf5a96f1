namespace Parry.Core.Detections;

/// <summary>The lower-case names of <see cref="Level"/> used in rules, options and output.</summary>
public static class LevelNames
{
    public static string Name(this Level level) => level switch
    {
        Level.Informational => "informational",
        Level.Low => "low",
        Level.Medium => "medium",
        Level.High => "high",
        Level.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? text, out Level level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "informational" or "info": level = Level.Informational; return true;
            case "low": level = Level.Low; return true;
            case "medium": level = Level.Medium; return true;
            case "high": level = Level.High; return true;
            case "critical": level = Level.Critical; return true;
            default: level = Level.Informational; return false;
        }
    }
}
