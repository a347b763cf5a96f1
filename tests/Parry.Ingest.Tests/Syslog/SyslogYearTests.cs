using Parry.Ingest.Syslog;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Syslog;

public class SyslogYearTests
{
    private static List<DateTimeOffset?> Times(string text, DateTimeOffset? modified, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var format = new SyslogFormat(new FixedClock(now), zone);
        var (events, errors) = Decoding.Run(format, text, lastModified: modified);
        errors.Count.ShouldBe(0, errors.ToString());
        return events.Select(e => e.Timestamp).ToList();
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Fact]
    public void The_year_comes_from_the_file_modification_time_not_the_clock()
    {
        var times = Times("Jul  4 10:00:00 h p: x\n", Utc(2021, 8, 1), now: Utc(2026, 1, 1));
        times.ShouldBe([Utc(2021, 7, 4, 10)]);
    }

    [Fact]
    public void Without_a_modification_time_the_clock_gives_the_year()
    {
        var times = Times("Jul  4 10:00:00 h p: x\n", null, now: Utc(2026, 9, 1));
        times.ShouldBe([Utc(2026, 7, 4, 10)]);
    }

    [Fact]
    public void A_line_after_the_reference_time_belongs_to_the_year_before()
    {
        // Read on 2025-01-02: a December line cannot be from December 2025.
        var times = Times("Dec 30 23:00:00 h p: x\n", Utc(2025, 1, 2), now: Utc(2025, 1, 2));
        times.ShouldBe([Utc(2024, 12, 30, 23)]);
    }

    [Fact]
    public void Months_going_back_from_December_to_January_roll_the_year_on()
    {
        var text = "Dec 31 23:59:58 h p: a\nDec 31 23:59:59 h p: b\nJan  1 00:00:01 h p: c\nJan  1 00:00:02 h p: d\n";
        var times = Times(text, Utc(2025, 1, 1, 1), now: Utc(2030, 1, 1));
        times.ShouldBe([Utc(2024, 12, 31, 23, 59, 58), Utc(2024, 12, 31, 23, 59, 59), Utc(2025, 1, 1, 0, 0, 1), Utc(2025, 1, 1, 0, 0, 2)]);
    }

    [Fact]
    public void A_stray_earlier_line_across_new_year_rolls_back_not_forward()
    {
        var text = "Jan  1 00:00:01 h p: a\nDec 31 23:59:59 h p: late\nJan  1 00:00:03 h p: b\n";
        var times = Times(text, Utc(2025, 1, 5), now: Utc(2030, 1, 1));
        times.ShouldBe([Utc(2025, 1, 1, 0, 0, 1), Utc(2024, 12, 31, 23, 59, 59), Utc(2025, 1, 1, 0, 0, 3)]);
    }

    [Fact]
    public void Small_disorder_within_a_month_changes_nothing()
    {
        var text = "Feb  1 00:00:01 h p: a\nJan 31 23:59:59 h p: b\nFeb  1 00:00:02 h p: c\n";
        var times = Times(text, Utc(2024, 3, 1), now: Utc(2030, 1, 1));
        times.ShouldBe([Utc(2024, 2, 1, 0, 0, 1), Utc(2024, 1, 31, 23, 59, 59), Utc(2024, 2, 1, 0, 0, 2)]);
    }

    [Fact]
    public void February_29th_falls_in_a_leap_year()
    {
        var times = Times("Feb 29 12:00:00 h p: x\n", Utc(2025, 3, 1), now: Utc(2030, 1, 1));
        times.ShouldBe([Utc(2024, 2, 29, 12)]);
    }

    [Fact]
    public void Times_without_an_offset_are_read_in_the_configured_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        var times = Times("Jul  4 10:00:00 h p: x\n", Utc(2021, 8, 1), now: Utc(2026, 1, 1), zone);
        times.ShouldBe([Utc(2021, 7, 4, 8)]);
    }
}
