using Parry.Agents.Events;
using Parry.Core.Events;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Engine;

using ToolCallAnalysis = Parry.Agents.Analysis.ToolCallAnalysis;

/// <summary>
/// One call followed from its inspection to its end: the request, what the analysis made of its (unredacted)
/// arguments, the rules that fired when it was judged, the session flags it carried, its first and last decision and
/// its result. Written by the gateway's threads one step at a time (inspect, decide, observe happen in order for a
/// call), read by the recorder once the call has ended.
/// </summary>
internal sealed class CallRecord(ToolCallRequest request, long sequence)
{
    public ToolCallRequest Request { get; } = request;

    /// <summary>The call's number in this gateway run (the record number of its detections).</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Null when the call was never analysed (its inspection failed, or it could not be read).</summary>
    public ToolCallAnalysis? Analysis { get; init; }

    /// <summary>The event the call was judged as (null when it never was): the record copies its request and its
    /// analysis instead of writing them again (<see cref="JudgedLayout"/> says where they lie). The judging
    /// correlations may still hold it on another thread; the record reads only its nodes and text, which never change
    /// once it is built (only the lazily lower-cased copy does).</summary>
    public Event? Judged { get; init; }

    public ToolCallEventLayout JudgedLayout { get; init; }

    /// <summary>Ids of the rules that fired on the call when it was judged (a handful at most: an array, searched
    /// linearly).</summary>
    public string[] JudgedRules { get; init; } = [];

    public SessionFlag[] Carried { get; init; } = [];

    public CallDecision? FirstDecision { get; private set; }

    public CallDecision? LastDecision { get; private set; }

    public ToolCallResult? Result { get; set; }

    public void Decide(CallDecision decision)
    {
        FirstDecision ??= decision;
        LastDecision = decision;
    }
}
