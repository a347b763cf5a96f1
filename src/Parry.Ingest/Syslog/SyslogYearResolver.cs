namespace Parry.Ingest.Syslog;

/// <summary>
/// Gives RFC 3164 timestamps ("Mar 10 14:22:01", no year) their year, per file. The first line takes the latest
/// year that does not put it after the reference time (the file's modification time, else the clock) by more than a
/// day — a log does not record the future. Each later line keeps the year of the line before unless that would move
/// time backwards (or forwards) by more than half a year, which is read as the turn of a year: December followed
/// by January rolls the year on; a January line followed by a stray December one rolls it back. So a file spanning
/// New Year reads as one continuous stretch, and small disorder between lines changes nothing. Files that span more
/// than a year, or whose modification time has nothing to do with their content, get years wrong; nothing in such
/// a line can tell.
/// </summary>
internal sealed class SyslogYearResolver(DateTimeOffset reference, TimeZoneInfo zone)
{
    private static readonly TimeSpan HalfYear = TimeSpan.FromDays(183);

    private readonly DateTime _reference = TimeZoneInfo.ConvertTime(reference, zone).DateTime;
    private DateTime? _previous;
    private int _year;

    /// <summary>The time of a line, in <paramref name="zone"/>; false when the day does not exist in any nearby
    /// year (Feb 30).</summary>
    public bool TryResolve(int month, int day, int hour, int minute, int second, long fractionTicks, out DateTimeOffset time)
    {
        time = default;
        if (_previous is not { } previous)
        {
            var year = _reference.Year;
            if (!TryDate(ref year, month, day, hour, minute, second, fractionTicks, out var first))
                return false;
            if (first > _reference.AddDays(1))
            {
                year--;
                if (!TryDate(ref year, month, day, hour, minute, second, fractionTicks, out first))
                    return false;
            }
            _year = year;
            return Accept(first, out time);
        }
        var candidateYear = _year;
        if (!TryDate(ref candidateYear, month, day, hour, minute, second, fractionTicks, out var candidate))
            return false;
        if (candidate < previous - HalfYear)
        {
            candidateYear = _year + 1;
            if (!TryDate(ref candidateYear, month, day, hour, minute, second, fractionTicks, out candidate))
                return false;
        }
        else if (candidate > previous + HalfYear)
        {
            candidateYear = _year - 1;
            if (!TryDate(ref candidateYear, month, day, hour, minute, second, fractionTicks, out candidate))
                return false;
        }
        _year = candidateYear;
        return Accept(candidate, out time);
    }

    private bool Accept(DateTime local, out DateTimeOffset time)
    {
        _previous = local;
        time = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    // February 29th moves back to the nearest leap year; other impossible days fail.
    private static bool TryDate(ref int year, int month, int day, int hour, int minute, int second, long fraction, out DateTime value)
    {
        value = default;
        if (month == 2 && day == 29)
        {
            var leap = year;
            while (!DateTime.IsLeapYear(leap) && leap > year - 8)
                leap--;
            year = leap;
        }
        if (year is < 2 or > 9998 || day > DateTime.DaysInMonth(year, month))
            return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        return true;
    }
}
