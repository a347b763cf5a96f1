using Parry.Agents.Analysis;
using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Detection.Matching;
using Parry.Detection.Rules;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;

namespace Parry.Gateway.Engine;

/// <summary>
/// Parry's detection engine compiled once for a gateway: the tool-call analyzer, the Sigma rules indexed by log
/// source (the same matcher <c>parry hunt</c> runs), and the correlations, with the field table they share. Immutable
/// and thread-safe; each gateway run keeps its state in its own <see cref="DetectionInspector"/>.
/// </summary>
public sealed class GatewayDetection
{
    private GatewayDetection(IEventMatcher matcher, CorrelationSet correlations, ToolCallAnalyzer analyzer, int rulesLoaded, int rulesRejected)
    {
        Matcher = matcher;
        Correlations = correlations;
        Analyzer = analyzer;
        RulesLoaded = rulesLoaded;
        RulesRejected = rulesRejected;
    }

    public IEventMatcher Matcher { get; }

    public CorrelationSet Correlations { get; }

    public ToolCallAnalyzer Analyzer { get; }

    public FieldTable Fields => Matcher.Fields;

    public int RulesLoaded { get; }

    public int RulesRejected { get; }

    /// <summary>Compiles loaded rules over a log-source map, the way <c>parry hunt</c> does
    /// (<see cref="CompiledRuleSet"/>).</summary>
    public static GatewayDetection Compile(SigmaLoadResult rules, LogSourceMap map, ToolCallAnalyzer? analyzer = null)
    {
        var compiled = CompiledRuleSet.Compile(rules, map);
        return new GatewayDetection(compiled.Matcher, compiled.Correlations, analyzer ?? ToolCallAnalyzer.Default, rules.Loaded, rules.Rejected.Count);
    }

    /// <summary>Parry's own rule pack (unless left out) and the rule files and folders given, over the shipped
    /// log-source map.</summary>
    public static GatewayDetection Load(IEnumerable<string> rulePaths, bool includeDefaultPack = true, SigmaLoadOptions? options = null) =>
        Compile(RuleSetLoader.Load(rulePaths, includeDefaultPack, options ?? new SigmaLoadOptions()), LogSourceMap.Load());
}
