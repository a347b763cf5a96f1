using Parry.Sigma.Filters;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>What one YAML document became: exactly one of a rule, a correlation draft, a filter or a rejection
/// (with the id and name it declared, so correlations naming it can say why it is missing).</summary>
internal sealed record DocumentOutcome(
    SigmaRule? Rule, CorrelationDraft? Correlation, SigmaFilter? Filter, RuleRejection? Rejection,
    string? DeclaredId = null, string? DeclaredName = null, SourceLocation At = default);
