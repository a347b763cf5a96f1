using Parry.Sigma.Correlations;
using Parry.Sigma.Filters;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// Everything one load produced. Duplicate ids (and names) across the loaded set keep the first rule in load order
/// (paths sorted ordinally, documents in file order) and reject the others with <c>duplicate id</c>.
/// </summary>
public sealed class SigmaLoadResult(
    IReadOnlyList<SigmaRule> rules, IReadOnlyList<SigmaCorrelation> correlations, IReadOnlyList<SigmaFilter> filters,
    IReadOnlyList<RuleRejection> rejected, IReadOnlyList<LoadWarning> warnings, IReadOnlyList<SigmaRule> excluded,
    int files)
{
    /// <summary>Detection rules, with meta filters already applied.</summary>
    public IReadOnlyList<SigmaRule> Rules { get; } = rules;

    public IReadOnlyList<SigmaCorrelation> Correlations { get; } = correlations;

    public IReadOnlyList<SigmaFilter> Filters { get; } = filters;

    public IReadOnlyList<RuleRejection> Rejected { get; } = rejected;

    public IReadOnlyList<LoadWarning> Warnings { get; } = warnings;

    /// <summary>Rules that loaded but were left out by <see cref="SigmaLoadOptions.Statuses"/>.</summary>
    public IReadOnlyList<SigmaRule> Excluded { get; } = excluded;

    /// <summary>Rule files read (including files that held nothing loadable).</summary>
    public int Files { get; } = files;

    /// <summary>Detection rules and correlations loaded.</summary>
    public int Loaded => Rules.Count + Correlations.Count;

    /// <summary>Rejections counted by <see cref="RuleRejection.ReasonCategory"/>, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RejectedByReason() =>
        [.. Rejected.GroupBy(r => r.ReasonCategory).Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
}
