using Parry.Core.Events;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// One compiled test of a single event value (a string pattern, a number, a network …). Immutable and
/// allocation-free: string tests compare spans of the event's text, against literals folded once at compile time.
/// </summary>
internal abstract class ValueTest
{
    public abstract bool Test(in EventValue value);

    /// <summary>Relative cost, so cheap tests run first in AND/OR lists.</summary>
    public virtual int Cost => 1;
}
