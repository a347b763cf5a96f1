using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>The operand does not hold.</summary>
internal sealed class NotMatcher(Matcher operand) : Matcher
{
    public Matcher Operand { get; } = operand;

    public override bool Matches(Event e) => !Operand.Matches(e);

    public override int Cost => Operand.Cost;
}
