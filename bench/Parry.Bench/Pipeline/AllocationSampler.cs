using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Parry.Bench.Pipeline;

/// <summary>
/// Counts the runtime's allocation samples (one GCAllocationTick event per ~100 KB allocated on a thread) by type
/// name, in process, so a stage's allocation can be told apart by what it allocates without an external tracer.
/// Sampled: a type's figure is ~100 KB times its ticks, good for the big allocators only.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEvent = 10;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTickEvent || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 0;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The sampled types, most bytes first, and resets the counts.</summary>
    public void Print(int top)
    {
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"    {bytes / 1e6,8:N1} MB  {type}");
        _bytes.Clear();
    }
}
