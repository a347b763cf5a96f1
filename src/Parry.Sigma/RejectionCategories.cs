namespace Parry.Sigma;

/// <summary>
/// The short, stable keys that say why a rule was rejected (<see cref="Loading.RuleRejection.ReasonCategory"/>),
/// for summaries such as the <c>by_reason</c> table of <c>parry rules check</c>. Messages may change; these do not.
/// </summary>
public static class RejectionCategories
{
    public const string FileUnreadable = "file unreadable";
    public const string FileTooLarge = "file too large";
    public const string YamlSyntax = "yaml syntax";
    public const string NotARule = "not a rule";
    public const string MissingAttribute = "missing attribute";
    public const string InvalidAttribute = "invalid attribute";
    public const string InvalidLevel = "invalid level";
    public const string InvalidStatus = "invalid status";
    public const string DuplicateId = "duplicate id";
    public const string DuplicateName = "duplicate name";
    public const string EmptyDetection = "empty detection";
    public const string InvalidDetection = "invalid detection";
    public const string UnknownModifier = "unknown modifier";
    public const string InvalidModifierCombination = "invalid modifier combination";
    public const string InvalidValue = "invalid value";
    public const string NullInValueList = "null in value list";
    public const string AllWithSingleValue = "all with single value";
    public const string InvalidRegex = "invalid regex";
    public const string InvalidCidr = "invalid cidr";
    public const string UnresolvedPlaceholder = "unresolved placeholder";
    public const string ExpansionTooLarge = "expansion too large";
    public const string RuleTooLarge = "rule too large";
    public const string ConditionSyntax = "condition syntax";
    public const string UndefinedIdentifier = "undefined search identifier";
    public const string PatternMatchesNothing = "pattern matches nothing";
    public const string UnsupportedAggregation = "unsupported aggregation";
    public const string UnknownRuleReference = "unknown rule reference";
    public const string CorrelationCycle = "correlation cycle";
    public const string InvalidCorrelation = "invalid correlation";
    public const string InvalidTimespan = "invalid timespan";
    public const string InvalidFilter = "invalid filter";
}
