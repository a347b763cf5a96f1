using Parry.Core.Detections;
using Parry.Sigma.Correlations;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>A correlation document read and checked on its own, before its rule references are resolved
/// against the whole loaded set.</summary>
internal sealed record CorrelationDraft(
    RuleInfo Info, CorrelationType Type, IReadOnlyList<string> References, SourceLocation ReferencesAt,
    IReadOnlyList<string> GroupBy, TimeSpan Timespan, string TimespanText, CorrelationCondition Condition,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases, SourceLocation AliasesAt,
    bool Generate, string Path, SourceLocation Location, string? Taxonomy);
