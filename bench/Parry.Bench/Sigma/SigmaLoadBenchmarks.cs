using BenchmarkDotNet.Attributes;
using Parry.Core.Events;
using Parry.Sigma.Loading;
using Parry.Sigma.Matching;

namespace Parry.Bench.Sigma;

/// <summary>
/// Loading the 3,780 SigmaHQ rule files, and compiling and grouping what loaded.
/// <c>dotnet run -c Release --project bench/Parry.Bench -- --filter '*SigmaLoadBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SigmaLoadBenchmarks
{
    private string[] _folders = null!;
    private SigmaLoadResult _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folders = SigmaInputs.RuleFolders();
        _loaded = SigmaLoader.LoadPaths(_folders);
    }

    [Benchmark]
    public int LoadSigmaHQ() => SigmaLoader.LoadPaths(_folders).Loaded;

    [Benchmark]
    public int CompileAndGroupAll()
    {
        var fields = new FieldTableBuilder();
        return CompiledRuleGroup.Create(_loaded.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields))).Rules.Count;
    }
}
