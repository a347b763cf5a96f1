namespace Parry.Gateway.Inspection;

/// <summary>
/// Judges tool calls for the gateway. <see cref="Inspect"/> runs on the call's path before it is forwarded, so it must
/// be fast (well under a millisecond) and thread-safe: calls of several sessions are inspected at once. An exception
/// thrown here denies the call (fail closed) and is audited. The policy, not the inspector, turns findings into allow,
/// deny or hold.
/// </summary>
public interface IToolCallInspector
{
    /// <summary>What this inspector sees in the call. Return an empty list when it has nothing to say.</summary>
    IReadOnlyList<Finding> Inspect(ToolCallRequest request);

    /// <summary>
    /// The outcome of a call that was forwarded (or that ended without an answer). Called once per forwarded call,
    /// off the response's path where possible; exceptions are reported and do not affect the relay.
    /// </summary>
    void Observe(ToolCallRequest request, ToolCallResult result);

    /// <summary>
    /// A decision about a call, after it was audited: allow, deny or hold, then the outcome of a hold. A denied call
    /// gets no <see cref="Observe"/>. Called on the call's path: keep it short. Exceptions are reported, never change
    /// the decision.
    /// </summary>
    void Decided(ToolCallRequest request, CallDecision decision)
    {
        // Most inspectors judge calls without following them.
    }
}
