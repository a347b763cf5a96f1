using Parry.Core.Detections;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Correlations;

/// <summary>
/// One entry of a correlation's <c>rules</c>: the reference as written, resolved to the detection rule or the
/// correlation it names. Exactly one of <see cref="Rule"/> and <see cref="Correlation"/> is set.
/// </summary>
public sealed class CorrelationMember
{
    internal CorrelationMember(string reference, SigmaRule? rule, SigmaCorrelation? correlation)
    {
        Reference = reference;
        Rule = rule;
        Correlation = correlation;
    }

    /// <summary>The id or name as the correlation wrote it.</summary>
    public string Reference { get; }

    public SigmaRule? Rule { get; }

    public SigmaCorrelation? Correlation { get; }

    public RuleInfo Info => Rule?.Info ?? Correlation!.Info;

    public string Id => Info.Id;

    public string? Name => Info.Name;

    public bool IsCorrelation => Correlation is not null;

    public override string ToString() => Reference;
}
