using Parry.Core.Events;
using Parry.Ingest.Json;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Json;

public class JsonHostileInputTests
{
    private const long Gigabyte = 1L << 30;

    private static (List<Event> Events, ErrorList Errors, long Allocated) RunGenerated(Stream stream, int maxRecordBytes)
    {
        var errors = new ErrorList();
        var context = new DecodeContext(Decoding.Fields("a"), errors) { MaxRecordBytes = maxRecordBytes };
        var source = new InputSource("hostile.json", () => stream);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var events = new JsonFormat().Read(source, context).ToList();
        return (events, errors, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_string_that_never_closes_costs_the_record_limit_not_the_input()
    {
        await Task.Yield();
        var stream = new GeneratedStream("{\"a\":1}\n{\"a\":\""u8.ToArray(), (byte)'x', Gigabyte);
        var (events, errors, allocated) = RunGenerated(stream, 1 << 20);
        events.Count.ShouldBe(1);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("larger than 1048576 bytes");
        allocated.ShouldBeLessThan(16L << 20);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_gigabyte_of_garbage_without_a_line_end_is_one_error_in_bounded_memory()
    {
        await Task.Yield();
        var stream = new GeneratedStream("{\"a\":1}\n"u8.ToArray(), (byte)'z', Gigabyte, "\n{\"a\":2}\n"u8.ToArray());
        var (events, errors, allocated) = RunGenerated(stream, 1 << 20);
        events.Count.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("not JSON");
        allocated.ShouldBeLessThan(16L << 20);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_object_that_never_closes_is_skipped_in_bounded_memory_and_the_next_line_read()
    {
        await Task.Yield();
        // {"a":[[[[... forever on one line, then a good record on the next line
        var stream = new GeneratedStream("{\"a\":"u8.ToArray(), (byte)'[', 256L << 20, "\n{\"a\":3}\n"u8.ToArray());
        var (events, errors, allocated) = RunGenerated(stream, 1 << 20);
        events.ShouldHaveSingleItem().Origin.Record.ShouldBe(2);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(1);
        allocated.ShouldBeLessThan(16L << 20);
    }
}
