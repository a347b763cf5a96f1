using System.Text;
using Parry.Gateway.Framing;

namespace Parry.Gateway.Tests.Framing;

public class SseEventReaderTests
{
    private static async Task<List<(string Raw, string Data, bool HasData)>> ReadAll(string text, int max = 4096)
    {
        var all = new List<(string, string, bool)>();
        await using var reader = new SseEventReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), max);
        while (await reader.ReadAsync(CancellationToken.None) is { } e)
            all.Add((Encoding.UTF8.GetString(e.Raw.Span), Encoding.UTF8.GetString(e.Data.Span), e.HasData));
        return all;
    }

    [Fact]
    public async Task Splits_events_keeping_their_raw_bytes_and_joining_data_lines()
    {
        var events = await ReadAll("id: 1\ndata:\n\nevent: message\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\n: comment\n\n");
        events.Count.ShouldBe(3);
        events[0].Raw.ShouldBe("id: 1\ndata:\n\n");
        events[1].Raw.ShouldBe("event: message\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\n");
        events[1].Data.ShouldBe("{\"a\":\n1}");
        events[2].HasData.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unterminated_last_event_is_still_delivered() =>
        (await ReadAll("data: {\"x\":1}")).Single().Data.ShouldBe("{\"x\":1}");

    [Fact]
    public async Task An_event_over_the_cap_ends_the_stream_with_a_clear_error() =>
        (await Should.ThrowAsync<SseTooLargeException>(() => ReadAll("data: " + new string('x', 10_000) + "\n\n", max: 1024)))
            .Message.ShouldContain("1024");
}
