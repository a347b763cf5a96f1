using System.Diagnostics;
using Parry.Detection.Hunting;
using Parry.Detection.Rules;
using Parry.Ingest;
using Parry.Ingest.Evtx;
using Parry.Ingest.LogSources;
using Parry.Ingest.Sources;
using Parry.Sigma.Loading;

namespace Parry.Bench.Pipeline;

/// <summary>
/// <c>hunt-startup [--no-default-rules] [--rules DIR]... [--first-pass PATH] [--parts] [--alloc-types] [--repeat N] [--wait]</c>: what <c>parry hunt</c> pays
/// before its first event, stage by stage with the CLI's own wiring (load, compile, optionally one pass over an input
/// that builds the rule groups): CPU seconds, bytes allocated, bytes still reachable after a full compacting GC, the
/// GC's committed heap and the process's resident and peak resident memory. <c>--wait</c> pauses at the end so a
/// <c>dotnet-gcdump</c> can be taken of the compiled state.
/// </summary>
internal static class HuntStartup
{
    public static int Run(string[] args)
    {
        var arguments = RuleArguments.Parse(args, defaultRules: true);
        var rest = arguments.Rest;
        string? firstPass = null;
        var wait = false;
        var parts = false;
        var repeat = 1;
        AllocationSampler? sampler = null;
        for (var i = 0; i < rest.Count; i++)
        {
            switch (rest[i])
            {
                case "--first-pass" when i + 1 < rest.Count: firstPass = rest[++i]; break;
                case "--wait": wait = true; break;
                case "--parts": parts = true; break;
                case "--repeat" when i + 1 < rest.Count: repeat = int.Parse(rest[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--alloc-types": sampler = new AllocationSampler(); break;
                default: throw new ArgumentException($"unknown argument {rest[i]}");
            }
        }
        Report("start", 0);
        if (parts)
            LoadParts(arguments.RulePaths, sampler);
        var cpu = ProcessCpu.Seconds();
        var rules = arguments.Load();
        Report($"load ({rules.Loaded} rules)", ProcessCpu.Seconds() - cpu);
        sampler?.Print(25);
        cpu = ProcessCpu.Seconds();
        var map = LogSourceMap.Load();
        var (matcher, correlations) = CompiledRuleSet.Compile(rules, map);
        Report("compile", ProcessCpu.Seconds() - cpu);
        sampler?.Print(25);
        // Later rounds run warm (code compiled, types loaded), so they show the steady cost of the work itself.
        for (var round = 2; round <= repeat; round++)
        {
            cpu = ProcessCpu.Seconds();
            rules = arguments.Load();
            Report($"load, round {round}", ProcessCpu.Seconds() - cpu);
            sampler?.Print(25);
            cpu = ProcessCpu.Seconds();
            (matcher, correlations) = CompiledRuleSet.Compile(rules, LogSourceMap.Load());
            Report($"compile, round {round}", ProcessCpu.Seconds() - cpu);
            sampler?.Print(25);
        }
        if (firstPass is not null)
        {
            cpu = ProcessCpu.Seconds();
            var errors = new ErrorCollector(100, e => Console.Error.WriteLine(e));
            var context = new DecodeContext(matcher.Fields, errors) { MaxDegreeOfParallelism = 1 };
            var hits = new List<Parry.Core.Detections.Detection>();
            long events = 0;
            foreach (var source in InputDiscovery.Discover([firstPass], errors))
            {
                if (!source.DisplayPath.EndsWith(".evtx", StringComparison.OrdinalIgnoreCase))
                    continue;
                foreach (var e in new EvtxFormat().Read(source, context))
                {
                    hits.Clear();
                    matcher.Match(e, hits);
                    events++;
                }
            }
            Report($"first pass ({events:N0} events)", ProcessCpu.Seconds() - cpu);
        }
        if (wait)
        {
            Console.WriteLine($"pid {Environment.ProcessId}: waiting for Enter (take a dotnet-gcdump now)");
            Console.ReadLine();
        }
        GC.KeepAlive(rules);
        GC.KeepAlive(correlations);
        GC.KeepAlive(matcher);
        return 0;
    }

    // The load's stages one after another on this thread, each over every rule file: reading the text, Parry's
    // block reader into its node tree alone (and how many files it reads; the rest go to YamlDotNet), YamlDotNet's
    // parser and representation model alone, then the whole per-file parse (YAML + Parry's rule model), so the
    // stages' CPU and allocation can be told apart. Run before the real load, so its cold-code costs land here.
    private static void LoadParts(List<string> rulePaths, AllocationSampler? sampler)
    {
        var files = rulePaths.SelectMany(p => Directory.Exists(p) ? SigmaLoader.RuleFilesIn(p) : [p]).ToList();
        var cpu = ProcessCpu.Seconds();
        var texts = files.Select(RuleFileText.Read).ToList();
        Report($"  read ({files.Count} files, {texts.Sum(t => (long)t.Length) / 1e6:N1} M chars)", ProcessCpu.Seconds() - cpu);
        cpu = ProcessCpu.Seconds();
        var blockRead = 0;
        foreach (var text in texts)
        {
            if (BlockYamlReader.TryRead(text, new RuleYamlTreeTarget()))
                blockRead++;
        }
        Report($"  block reader, node tree ({blockRead} files)", ProcessCpu.Seconds() - cpu);
        cpu = ProcessCpu.Seconds();
        foreach (var text in texts)
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
        Report("  yamldotnet model only", ProcessCpu.Seconds() - cpu);
        sampler?.Print(15);
        var options = new SigmaLoadOptions();
        cpu = ProcessCpu.Seconds();
        for (var i = 0; i < files.Count; i++)
            SourceParser.Parse(SigmaSource.FromText(texts[i], files[i]), options);
        Report("  yaml + rule model, 1 thread", ProcessCpu.Seconds() - cpu);
        sampler?.Print(25);
    }

    // Allocated and committed are read before the full GC, reachable and resident after it.
    private static void Report(string stage, double cpu)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var reachable = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{stage,-32} {cpu,6:N2} cpu-s  allocated {allocated / 1e6,8:N1} MB  reachable {reachable / 1e6,7:N1} MB  " +
            $"committed {committed / 1e6,7:N1} MB  gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} paused {GC.GetTotalPauseDuration().TotalSeconds:N2} s  rss {process.WorkingSet64 / 1e6,7:N1} MB  peak rss {process.PeakWorkingSet64 / 1e6,7:N1} MB");
    }
}
