using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Parry.Output.Tests;

public class TimestampsTests
{
    [Fact]
    public void A_json_time_is_the_text_of_the_time()
    {
        // Any instant of DateTime's range, at any whole-minute offset that keeps its local time in range.
        var times =
            from day in Gen.Choose(0, (int)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay))
            from millisecond in Gen.Choose(0, (int)(TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond) - 1)
            from tick in Gen.Choose(0, (int)TimeSpan.TicksPerMillisecond - 1)
            from minutes in Gen.Choose(-14 * 60, 14 * 60)
            let ticks = (day * TimeSpan.TicksPerDay) + (millisecond * TimeSpan.TicksPerMillisecond) + tick
            let local = ticks + (minutes * TimeSpan.TicksPerMinute)
            where local >= 0 && local <= DateTime.MaxValue.Ticks
            select new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes));
        Prop.ForAll(times.ToArbitrary(), time => Json(time) == $"{{\"t\":\"{Timestamps.ToText(time)}\"}}")
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(0L)]
    [InlineData(638_000_000_000_000_000L)]
    [InlineData(3_155_378_975_999_999_999L)] // DateTime.MaxValue
    public void The_ends_of_the_range_and_odd_offsets_write_as_their_text(long ticks)
    {
        foreach (var offset in new[] { TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromMinutes(-330) })
        {
            var utc = new DateTimeOffset(ticks, TimeSpan.Zero);
            if ((offset > TimeSpan.Zero && utc.UtcDateTime > DateTime.MaxValue - offset) || (offset < TimeSpan.Zero && utc.UtcDateTime < DateTime.MinValue - offset))
                continue;
            var time = utc.ToOffset(offset);
            Json(time).ShouldBe($"{{\"t\":\"{Timestamps.ToText(time)}\"}}");
        }
    }

    private static string Json(DateTimeOffset time)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Timestamps.WriteString(w, "t", time);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
