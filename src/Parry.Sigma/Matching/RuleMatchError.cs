using Parry.Core.Detections;
using Parry.Core.Events;

namespace Parry.Sigma.Matching;

/// <summary>A rule that could not be evaluated for one event, collected by <see cref="CompiledRuleGroup.Match(Event, List{CompiledRule}, List{RuleMatchError})"/>;
/// the rule counts as not matched.</summary>
public sealed record RuleMatchError(RuleInfo Rule, EventOrigin Origin, string Message);
