using System.Globalization;

namespace Parry.Gateway.Policy;

/// <summary>Durations as people write them in the policy and on the command line: 500ms, 30s, 2m, 1h, or seconds.</summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().ToLowerInvariant();
        var (number, scale) = s switch
        {
            _ when s.EndsWith("ms", StringComparison.Ordinal) => (s[..^2], 0.001),
            _ when s.EndsWith('s') => (s[..^1], 1.0),
            _ when s.EndsWith('m') => (s[..^1], 60.0),
            _ when s.EndsWith('h') => (s[..^1], 3600.0),
            _ => (s, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0
            || double.IsInfinity(value) || value * scale > TimeSpan.FromDays(7).TotalSeconds)
            return false;
        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }
}
