using Parry.Core.Detections;

namespace Parry.Gateway.Engine;

/// <summary>A correlation a session completed at a level that keeps its calls held, until an operator approves one of
/// them. Compared by reference: approving a call clears the flags it carried, not one raised again since.</summary>
internal sealed class SessionFlag(RuleInfo rule, DateTimeOffset firedAt)
{
    public RuleInfo Rule { get; } = rule;

    public DateTimeOffset FiredAt { get; } = firedAt;
}
