using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Sources;
using Parry.Ingest.Syslog;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Syslog;

public class SyslogMalformedInputTests
{
    private static readonly SyslogFormat Format = new(new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    private const string Good = "Mar 10 14:22:01 web01 sshd[1]: Accepted password for alice from 203.0.113.5 port 1 ssh2";

    [Fact]
    public void Garbage_lines_are_reported_with_their_line_numbers_and_the_run_goes_on()
    {
        var text = $"{Good}\nnot a syslog line\nstill not\n{Good}\nMar 99 14:22:01 web01 x: bad day\n{Good}\n";
        var (events, errors) = Decoding.Run(Format, text, path: "auth.log");
        events.Select(e => e.Origin.Record).ShouldBe([1L, 4L, 6L]);
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All[0].Record.ShouldBe(2);
        errors.All[0].Message.ShouldStartWith("lines 2-3 (2 lines): not a syslog line");
        errors.All[1].Record.ShouldBe(5);
        errors.All[1].Message.ShouldStartWith("line 5: not a syslog line");
    }

    [Theory]
    [InlineData("Feb 30 10:00:00 h p: x", "does not exist")]
    [InlineData("Mar 10 25:61:00 h p: x", "no syslog header")]
    [InlineData("Mar 10 14:22", "no syslog header")]
    [InlineData("<999>Mar 10 14:22:01 h p: x", "no syslog header")]
    [InlineData("<34>1 not-a-time host app - - - msg", "no syslog header")]
    [InlineData("<34>1 2024-03-10T22:14:15Z host app - - [unclosed sd msg", "no syslog header")]
    public void Bad_times_and_truncated_headers_are_located_errors(string line, string problem)
    {
        var (events, errors) = Decoding.Run(Format, $"{Good}\n{line}\n{Good}\n");
        events.Count.ShouldBe(2);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void An_overlong_line_is_skipped_without_being_held()
    {
        var text = Good + "\n" + Good + new string('x', 10_000) + "\n" + Good;
        var (events, errors) = Decoding.Run(Format, text, maxRecordBytes: 1024);
        events.Select(e => e.Origin.Record).ShouldBe([1L, 3L]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("longer than 1024 bytes");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_gigabyte_line_without_a_line_end_costs_bounded_memory()
    {
        await Task.Yield();
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes(Good + "\n"), (byte)'a', 1L << 30, Encoding.UTF8.GetBytes("\n" + Good + "\n"));
        var errors = new ErrorList();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var events = Format.Read(new InputSource("big.log", () => stream), new DecodeContext(Core.Events.FieldTable.Empty, errors) { MaxRecordBytes = 1 << 20 }).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        events.Count.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("longer than 1048576 bytes");
        allocated.ShouldBeLessThan(16L << 20);
    }

    [Fact]
    public void Random_bytes_never_throw_and_every_error_is_located()
    {
        var bytes = Gen.Choose(0, 400).SelectMany(n => Gen.ArrayOf(Gen.Elements<byte>(
            (byte)'<', (byte)'>', (byte)'1', (byte)'3', (byte)' ', (byte)':', (byte)'[', (byte)']', (byte)'\n', (byte)'M',
            (byte)'a', (byte)'r', (byte)'-', (byte)'T', (byte)'Z', (byte)'"', 0x00, 0xff, 0xe2, (byte)'s'), n));
        Prop.ForAll(bytes.ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (input, chunk) =>
        {
            var (events, errors) = Decoding.Run(Format, input, maxRecordBytes: 50, chunks: () => chunk);
            return errors.All.All(e => e.Record >= 1) && events.All(e => e.Origin.Record >= 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Splitting_the_input_at_any_buffer_boundary_gives_the_same_events()
    {
        var lines = new[]
        {
            Good, "<38>Mar  5 04:02:11 gw sshd[77]: Failed password for root from 198.51.100.23 port 40022 ssh2",
            "garbage", "Mar 10 14:25:40 web01 sudo: alice : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/id", "",
            "<34>1 2024-03-10T22:14:15.003Z host su - ID47 - msg",
        };
        Prop.ForAll(Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements(lines), n)).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (picked, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", picked));
            var (whole, wholeErrors) = Decoding.Run(Format, bytes, maxRecordBytes: 120);
            var (split, splitErrors) = Decoding.Run(Format, bytes, maxRecordBytes: 120, chunks: () => chunk);
            return whole.Select(Decoding.Json).SequenceEqual(split.Select(Decoding.Json))
                && whole.Select(e => e.Timestamp).SequenceEqual(split.Select(e => e.Timestamp))
                && wholeErrors.All.Select(e => e.ToString()).SequenceEqual(splitErrors.All.Select(e => e.ToString()));
        }).QuickCheckThrowOnFailure();
    }
}
