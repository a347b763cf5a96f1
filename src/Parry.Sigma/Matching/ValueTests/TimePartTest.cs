using System.Globalization;
using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// The time modifiers: the value read as a date and time, one part compared. Text is parsed as written (an offset
/// is not converted); an integer is read as Unix time in seconds, or milliseconds when too large for seconds.
/// </summary>
internal sealed class TimePartTest(SigmaTimePart part) : ValueTest
{
    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31

    public SigmaTimePart Part { get; } = part;

    public override bool Test(in EventValue value)
    {
        DateTime time;
        if (value.Kind == ValueKind.Integer && value.TryGetInt64(out var unix))
        {
            if (unix < 0 || unix / 1000 > MaxUnixSeconds)
                return false;
            time = unix <= MaxUnixSeconds
                ? DateTime.UnixEpoch.AddSeconds(unix)
                : DateTime.UnixEpoch.AddMilliseconds(unix);
        }
        else if (value.Kind == ValueKind.String
                 && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed.DateTime;
        }
        else
        {
            return false;
        }
        var actual = Part.Unit switch
        {
            TimePartUnit.Minute => time.Minute,
            TimePartUnit.Hour => time.Hour,
            TimePartUnit.Day => time.Day,
            TimePartUnit.Week => ISOWeek.GetWeekOfYear(time),
            TimePartUnit.Month => time.Month,
            _ => time.Year,
        };
        return actual == Part.Value;
    }

    public override int Cost => 4;
}
