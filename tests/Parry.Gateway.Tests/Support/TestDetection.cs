using Parry.Detection.Rules;
using Parry.Gateway.Engine;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;

namespace Parry.Gateway.Tests.Support;

/// <summary>The detection engine for tests: Parry's rule pack, plus rules written for a test.</summary>
internal static class TestDetection
{
    private static readonly Lazy<GatewayDetection> Pack = new(() => GatewayDetection.Load([]));

    /// <summary>The folder of rules written for these tests (copied beside the test binaries).</summary>
    public static string RulesFolder => Path.Combine(AppContext.BaseDirectory, "Engine", "Rules");

    /// <summary>Parry's rule pack alone.</summary>
    public static GatewayDetection Default => Pack.Value;

    /// <summary>Parry's rule pack and the test rules folder.</summary>
    public static GatewayDetection WithTestRules() => GatewayDetection.Load([RulesFolder]);

    /// <summary>Parry's rule pack and the given rule texts.</summary>
    public static GatewayDetection With(params string[] yaml)
    {
        var sources = DefaultRulePack.Sources().Concat(yaml.Select((text, i) => SigmaSource.FromText(text, $"test-rule-{i}.yml")));
        var loaded = SigmaLoader.Load(sources);
        loaded.Rejected.ShouldBeEmpty();
        return GatewayDetection.Compile(loaded, LogSourceMap.Load());
    }
}
