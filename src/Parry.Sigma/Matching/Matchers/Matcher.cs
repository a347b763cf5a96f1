using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>A compiled node of a rule: decides for one event. Immutable; allocation-free.</summary>
internal abstract class Matcher
{
    public abstract bool Matches(Event e);

    /// <summary>Relative cost, so cheap operands run first in AND/OR.</summary>
    public virtual int Cost => 1;
}
