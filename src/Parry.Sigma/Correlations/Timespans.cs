using System.Globalization;

namespace Parry.Sigma.Correlations;

/// <summary>Correlation timespans: a whole number and a lower-case unit, <c>30s</c>, <c>5m</c>, <c>1h</c>,
/// <c>1d</c> (and <c>2w</c> for weeks).</summary>
public static class Timespans
{
    /// <summary>Longest accepted timespan; correlation state is bounded by it.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3660);

    public static bool TryParse(string? text, out TimeSpan span)
    {
        span = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
            return false;
        var number = text.AsSpan(0, text.Length - 1);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            return false;
        double seconds = text[^1] switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            'w' => 7 * 86400,
            _ => 0,
        };
        if (seconds == 0 || count * seconds > Max.TotalSeconds)
            return false;
        span = TimeSpan.FromSeconds(count * seconds);
        return true;
    }
}
