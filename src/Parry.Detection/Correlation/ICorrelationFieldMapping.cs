using Parry.Sigma.Rules;

namespace Parry.Detection.Correlation;

/// <summary>Which event fields a field name written in a correlation (a group-by entry, an alias's field, a
/// value field) means in the events of one correlated rule: the log-source mapping of that rule, or the name
/// itself.</summary>
public interface ICorrelationFieldMapping
{
    /// <summary>The event field names to try, in order; the first one the event has is used.</summary>
    IReadOnlyList<string> Map(SigmaRule rule, string field);
}
