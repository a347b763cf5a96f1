using Process = System.Diagnostics.Process;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Parry.Core.Actors;
using Parry.Detection.Behaviour;

namespace Parry.Bench.Behaviour;

/// <summary>
/// <c>behaviour-memory [ACTORS] [CAP]</c>: retained bytes per actor in <see cref="BehaviourTracker"/> and proof
/// that its actor cap holds. Feeds ACTORS (default 5,000,000) distinct actors, one event each with a target and an
/// item, one millisecond apart, into a tracker capped at CAP (default 1,000,000), and prints the managed heap held
/// (after full collections) and the eviction counter at every million actors.
/// </summary>
internal static class BehaviourMemory
{
    public static int Run(string[] args)
    {
        var actors = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 5_000_000;
        var cap = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var actor = new Actor(ActorKind.Ip, "198.51.100.7"); // the tracker keys actors by ActorKey alone
        var start = new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        var baseline = GC.GetTotalMemory(true);
        var tracker = new BehaviourTracker(new BehaviourOptions { MaxActors = cap });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Console.WriteLine($"cap {cap:N0}; baseline heap {baseline:N0} B");
        Console.WriteLine($"{"actors fed",12} {"tracked",10} {"evictions",10} {"heap held (B)",14} {"B/tracked actor",16}");
        for (long i = 0; i < actors; i++)
        {
            var key = Mix((ulong)i);
            tracker.Observe(new Activity(actor, key, start + i * TimeSpan.TicksPerMillisecond, Mix(key), Mix(key ^ 0xABCD),
                ActivityFlags.HasTarget | ActivityFlags.HasItem, null));
            if ((i + 1) % 1_000_000 == 0 || i + 1 == actors)
            {
                var held = GC.GetTotalMemory(true) - baseline;
                Console.WriteLine($"{i + 1,12:N0} {tracker.Count,10:N0} {tracker.Evictions,10:N0} {held,14:N0} {(double)held / tracker.Count,16:N1}");
            }
        }
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"cpu {(process.TotalProcessorTime - cpu).TotalSeconds:N2} s (incl. full GCs), wall {wall.Elapsed.TotalSeconds:N2} s; peak working set {process.PeakWorkingSet64 / 1e6:N0} MB");
        GC.KeepAlive(tracker);
        return 0;
    }

    // splitmix64: distinct inputs give distinct, well-spread keys.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
