using System.IO.Pipelines;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
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

    [Fact]
    public async Task Property_any_chunking_yields_the_same_events()
    {
        const string stream = "id: 1\ndata:\n\nevent: message\r\ndata: {\"a\":1}\r\n\r\ndata: {\"b\":\"é\"}\n\n: keep-alive\n\n";
        var expected = await ReadAll(stream);
        Prop.ForAll(Gen.Choose(1, 17).ToArbitrary(), chunk =>
        {
            var bytes = Encoding.UTF8.GetBytes(stream);
            var pipe = new Pipe();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; i < bytes.Length; i += chunk)
                    await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
                await pipe.Writer.CompleteAsync();
            });
            var events = new List<(string, string, bool)>();
            var reader = new SseEventReader(pipe.Reader.AsStream(), 4096);
            while (reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } e)
                events.Add((Encoding.UTF8.GetString(e.Raw.Span), Encoding.UTF8.GetString(e.Data.Span), e.HasData));
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            writer.GetAwaiter().GetResult();
            return events.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
