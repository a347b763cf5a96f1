using System.IO.Pipelines;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Gateway.Framing;

namespace Parry.Gateway.Tests.Framing;

public class LineReaderTests
{
    private static async Task<List<(LineReadKind Kind, string Text, long Length)>> ReadAll(Stream stream, int max)
    {
        await Task.Yield();
        var all = new List<(LineReadKind, string, long)>();
        using var reader = new LineReader(stream, max);
        while (true)
        {
            var read = reader.Read();
            if (read.Kind == LineReadKind.End)
                return all;
            all.Add((read.Kind, Encoding.UTF8.GetString(read.Bytes.Span), read.Length));
        }
    }

    private static Task<List<(LineReadKind Kind, string Text, long Length)>> ReadAll(string text, int max = 1024) =>
        ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), max);

    [Fact]
    public async Task Splits_on_newlines_dropping_carriage_returns_and_blank_lines()
    {
        var lines = await ReadAll("{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}");
        lines.Select(l => l.Text).ShouldBe(["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"]);
    }

    [Fact]
    public async Task A_message_over_the_cap_is_skipped_keeping_a_prefix_and_the_stream_goes_on()
    {
        var big = "{\"id\":9," + new string('x', 5000) + "}";
        var lines = await ReadAll("{\"a\":1}\n" + big + "\n{\"b\":2}\n", max: 100);
        lines.Count.ShouldBe(3);
        lines[1].Kind.ShouldBe(LineReadKind.TooLarge);
        lines[1].Length.ShouldBe(big.Length);
        lines[1].Text.ShouldStartWith("{\"id\":9,");
        lines[2].Text.ShouldBe("{\"b\":2}");
    }

    [Fact]
    public async Task An_oversized_message_arriving_in_small_pieces_is_still_bounded()
    {
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(new string('y', 1000)));
            await pipe.Writer.WriteAsync("\n{\"ok\":true}\n"u8.ToArray());
            await pipe.Writer.CompleteAsync();
        });
        var lines = await ReadAll(pipe.Reader.AsStream(), max: 4096);
        await writer;
        lines.Select(l => l.Kind).ShouldBe([LineReadKind.TooLarge, LineReadKind.Line]);
        lines[0].Length.ShouldBe(200_000);
        lines[0].Text.Length.ShouldBe(LineReader.PrefixBytes);
    }

    [Fact]
    public async Task The_cap_is_exact_and_large_messages_below_it_pass_whole()
    {
        var atCap = new string('a', 200_000);
        var lines = await ReadAll(atCap + "\n" + atCap + "b\n" + "{}\r\n", max: 200_000);
        lines.Select(l => (l.Kind, l.Length)).ShouldBe([(LineReadKind.Line, 200_000L), (LineReadKind.TooLarge, 200_001L), (LineReadKind.Line, 2L)]);
        lines[0].Text.ShouldBe(atCap);
    }

    [Fact]
    public async Task An_oversized_last_message_without_newline_is_reported()
    {
        var lines = await ReadAll(new string('z', 300), max: 100);
        lines.Single().Kind.ShouldBe(LineReadKind.TooLarge);
    }

    [Fact]
    public void Property_any_chunking_yields_the_same_messages()
    {
        var messages = Gen.Elements("{\"a\":1}", "{\"jsonrpc\":\"2.0\",\"id\":\"é\"}", "[1,2,3]", "{\"long\":\"" + new string('q', 300) + "\"}")
            .NonEmptyListOf();
        Prop.ForAll(messages.ToArbitrary(), Gen.Choose(1, 64).ToArbitrary(), (list, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", list) + "\n");
            var pipe = new Pipe();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; i < bytes.Length; i += chunk)
                    await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
                await pipe.Writer.CompleteAsync();
            });
            var lines = ReadAll(pipe.Reader.AsStream(), 1024).GetAwaiter().GetResult();
            writer.GetAwaiter().GetResult();
            return lines.Select(l => l.Text).SequenceEqual(list) && lines.All(l => l.Kind == LineReadKind.Line);
        }).QuickCheckThrowOnFailure();
    }
}
