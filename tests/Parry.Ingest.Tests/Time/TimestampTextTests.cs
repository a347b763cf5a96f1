using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Time;

namespace Parry.Ingest.Tests.Time;

public class TimestampTextTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Theory]
    [InlineData("2024-05-01T12:00:00Z", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01t12:00:00z", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01 14:00:00+02:00", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01T14:00:00+0200", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01T07:00:00-05", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01T12:00", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024-05-01", 2024, 5, 1, 0, 0, 0)]
    [InlineData("2016-12-31T23:59:60Z", 2016, 12, 31, 23, 59, 59)]
    [InlineData("1714564800", 2024, 5, 1, 12, 0, 0)]
    [InlineData("1714564800000", 2024, 5, 1, 12, 0, 0)]
    [InlineData("1714564800000000", 2024, 5, 1, 12, 0, 0)]
    [InlineData("1714564800000000000", 2024, 5, 1, 12, 0, 0)]
    [InlineData("Wed, 01 May 2024 12:00:00 GMT", 2024, 5, 1, 12, 0, 0)]
    [InlineData("01/May/2024:14:00:00 +0200", 2024, 5, 1, 12, 0, 0)]
    [InlineData("Wed May  1 12:00:00 2024", 2024, 5, 1, 12, 0, 0)]
    [InlineData("2024/05/01 12:00:00", 2024, 5, 1, 12, 0, 0)]
    public void Accepted_forms(string text, int y, int mo, int d, int h, int mi, int s)
    {
        TimestampText.TryParse(text, out var value).ShouldBeTrue(text);
        value.UtcDateTime.ShouldBe(Utc(y, mo, d, h, mi, s).UtcDateTime);
    }

    [Fact]
    public void Fractions_keep_ticks()
    {
        TimestampText.TryParse("2024-05-01T12:00:00.1234567891Z", out var value).ShouldBeTrue();
        value.ShouldBe(Utc(2024, 5, 1, 12).AddTicks(1234567));
        TimestampText.TryParse("1714564800.5", out var epoch).ShouldBeTrue();
        epoch.ShouldBe(Utc(2024, 5, 1, 12).AddMilliseconds(500));
    }

    [Theory]
    [InlineData("")]
    [InlineData("13:55:36")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-13-01")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T12:00:00+15:00")]
    [InlineData("2024-05-01T12:00:00.Z")]
    [InlineData("2024-05-01X12:00:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    public void Rejected_forms(string text) => TimestampText.TryParse(text, out _).ShouldBeFalse(text);

    [Fact]
    public void Any_time_written_in_round_trip_form_parses_back_and_nothing_throws()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(-14 * 4, 14 * 4).ToArbitrary(), (seconds, quarterHours) =>
        {
            var time = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(seconds), DateTimeKind.Unspecified), TimeSpan.FromMinutes(15 * quarterHours));
            return TimestampText.TryParse(time.ToString("o"), out var back) && back == time;
        }).QuickCheckThrowOnFailure();
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            TimestampText.TryParse(text ?? "", out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
