using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace Parry.Bench.Sigma;

/// <summary>
/// <c>sigma-interleaved &lt;bench dir A&gt; &lt;bench dir B&gt; [windows] [events]</c>: an A/B of two builds in one process.
/// Each build's assemblies load into their own context and set up <see cref="SigmaDistinctWindow"/>; windows then
/// alternate A, B, A, B on this thread. On this shared host one process can run 25 % slower than the next (the
/// host's shared cache), so separate processes order nothing; within one process, neighbouring windows see the
/// same host, and the per-pair ratio B/A is what to read.
/// </summary>
internal static class SigmaInterleaved
{
    public static int Run(string[] args)
    {
        var windows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var events = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 40_000;
        var a = Load(args[0], events);
        var b = Load(args[1], events);
        // Warm-up: tiered JIT, the regex engines' lazily built automata.
        for (var i = 0; i < 3; i++)
        {
            a();
            b();
        }
        var ratios = new List<double>();
        var aTimes = new List<double>();
        var bTimes = new List<double>();
        for (var w = 0; w < windows; w++)
        {
            // Alternate which goes first, so a drift within a pair favours neither.
            double ta, tb;
            if (w % 2 == 0)
            {
                ta = a();
                tb = b();
            }
            else
            {
                tb = b();
                ta = a();
            }
            aTimes.Add(ta * 1e6);
            bTimes.Add(tb * 1e6);
            ratios.Add(tb / ta);
            Console.WriteLine($"pair {w,3}  A {ta * 1e6,6:N2} µs  B {tb * 1e6,6:N2} µs  B/A {tb / ta,5:N3}");
        }
        Console.WriteLine($"A median {Median(aTimes):N2} µs (min {aTimes.Min():N2}), B median {Median(bTimes):N2} µs (min {bTimes.Min():N2}), B/A median {Median(ratios):N3} (range {ratios.Min():N3}–{ratios.Max():N3})");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Func<double> Load(string directory, int events)
    {
        var path = Path.GetFullPath(Path.Combine(directory, "Parry.Bench.dll"));
        var context = new BuildLoadContext(path);
        var type = context.LoadFromAssemblyPath(path).GetType("Parry.Bench.Sigma.SigmaDistinctWindow", throwOnError: true)!;
        var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        return (Func<double>)create.Invoke(null, [events])!;
    }

    // Resolves a build's own assemblies from its folder; the framework's come from the default context.
    private sealed class BuildLoadContext(string mainAssembly) : AssemblyLoadContext(Path.GetFileName(Path.GetDirectoryName(mainAssembly)))
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
