using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Detection.Matching;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;

namespace Parry.Detection.Rules;

/// <summary>
/// Loaded rules compiled the one way every Parry engine needs them (<c>parry hunt</c>, the gateway, the benchmarks):
/// the correlations intern the fields they read first, then the Sigma matcher freezes the field table they share.
/// The other order would leave correlation fields out of the events' field table.
/// </summary>
public sealed class CompiledRuleSet
{
    private CompiledRuleSet(SigmaEventMatcher matcher, CorrelationSet correlations)
    {
        Matcher = matcher;
        Correlations = correlations;
    }

    public SigmaEventMatcher Matcher { get; }

    public CorrelationSet Correlations { get; }

    public void Deconstruct(out SigmaEventMatcher matcher, out CorrelationSet correlations)
    {
        matcher = Matcher;
        correlations = Correlations;
    }

    /// <param name="fields">A field table others have already interned into (e.g. a classifier of the caller's own),
    /// or null for a new one.</param>
    public static CompiledRuleSet Compile(SigmaLoadResult rules, LogSourceMap map, FieldTableBuilder? fields = null)
    {
        fields ??= new FieldTableBuilder();
        var correlations = CorrelationSet.Compile(rules.Correlations, fields, new LogSourceFieldMapping(map));
        return new CompiledRuleSet(new SigmaEventMatcher(rules.Rules, map, fields), correlations);
    }
}
