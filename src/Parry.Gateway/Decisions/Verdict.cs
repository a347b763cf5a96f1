using Parry.Gateway.Policy;

namespace Parry.Gateway.Decisions;

/// <summary>What the policy decided about one call, which rule decided it, and why, in words for the client and audit.</summary>
public sealed record Verdict(PolicyAction Action, string Rule, string Reason)
{
    public static Verdict Default { get; } = new(PolicyAction.Allow, "default", "no rule objected");

    /// <summary>The stricter of the two; on a tie the one already held, unless that is the default allow.</summary>
    public Verdict Join(Verdict other) =>
        other.Action > Action || (other.Action == Action && ReferenceEquals(this, Default)) ? other : this;

    /// <summary>The JSON-RPC error message a denied call gets: it begins with "parry:" and names rule and reason.</summary>
    public string DenialMessage => $"parry: denied by rule '{Rule}': {Reason}";
}
