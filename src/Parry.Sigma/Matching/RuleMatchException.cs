using Parry.Core.Detections;
using Parry.Core.Events;

namespace Parry.Sigma.Matching;

/// <summary>A rule could not be evaluated for an event (a regular expression timed out); names both.</summary>
public sealed class RuleMatchException(RuleInfo rule, EventOrigin origin, string message, Exception inner)
    : Exception($"rule {rule.Id} ({rule.Title}) on {origin}: {message}", inner)
{
    public RuleInfo Rule { get; } = rule;

    public EventOrigin Origin { get; } = origin;
}
