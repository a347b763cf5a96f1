using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>Always (or never) holds: a search over a field the log source does not have.</summary>
internal sealed class ConstantMatcher(bool value) : Matcher
{
    public static readonly ConstantMatcher True = new(true);

    public static readonly ConstantMatcher False = new(false);

    /// <summary>The constant for <paramref name="value"/>.</summary>
    public static ConstantMatcher Of(bool value) => value ? True : False;

    public bool Value { get; } = value;

    public override bool Matches(Event e) => Value;

    public override int Cost => 0;
}
