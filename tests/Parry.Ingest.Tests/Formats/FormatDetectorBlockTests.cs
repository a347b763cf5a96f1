using System.Text;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Evtx;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Formats;

/// <summary><see cref="FormatDetector.ReadBlocks"/>: formats that do not decode in blocks are gathered into blocks of
/// the asked size, their work run in a window of threads, results in order; failures end the file as
/// <see cref="FormatDetector.Read"/> does.</summary>
public class FormatDetectorBlockTests
{
    private static readonly FormatDetector Detector = new(BuiltInFormats.Create(new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Json_lines_come_in_blocks_of_the_asked_size_in_order(int parallelism)
    {
        var text = string.Concat(Enumerable.Range(0, 10).Select(i => $"{{\"n\":{i}}}\n"));
        var source = new InputSource("lines.json", () => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false));
        var fields = new FieldTableBuilder();
        var n = fields.Intern("n");
        var table = fields.Build();
        var context = new DecodeContext(table, new CollectingErrorSink()) { MaxDegreeOfParallelism = parallelism };

        var blocks = Detector.ReadBlocks(source, context, 4, events => events.Select(e => e.GetString(n)).ToList()).ToList();

        blocks.Select(b => b.Count).ShouldBe([4, 4, 2]);
        blocks.SelectMany(b => b).ShouldBe(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_unrecognised_file_is_reported_and_yields_no_blocks()
    {
        var errors = new CollectingErrorSink();
        var source = new InputSource("words.txt", () => new MemoryStream("just some words\n"u8.ToArray(), writable: false));
        var context = new DecodeContext(new FieldTableBuilder().Build(), errors);

        Detector.ReadBlocks(source, context, 4, events => events.Count).ShouldBeEmpty();

        errors.Errors.Count.ShouldBe(1);
        errors.Errors[0].Message.ShouldStartWith("unrecognised format");
    }

    [Fact]
    public void The_reader_of_a_detector_reads_as_the_detector_does()
    {
        var text = "{\"a\":1}\n{\"a\":2}\n";
        var source = new InputSource("two.json", () => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false));
        var reader = Detector.Reader();
        var context = new DecodeContext(new FieldTableBuilder().Build(), new CollectingErrorSink());

        reader.Read(source, context).Count().ShouldBe(2);
        reader.ReadBlocks(source, context, 1, events => events.Count).ShouldBe([1, 1]);
    }
}
