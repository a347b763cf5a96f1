namespace Parry.Gateway.Engine;

/// <summary>What the recorder's queue carries: a call that ended, a tick to report campaigns, a barrier (its task
/// completes when everything before it is recorded), or the end.</summary>
internal sealed record RecordItem(RecordItemKind Kind, CallRecord? Call = null, TaskCompletionSource? Done = null)
{
    public static RecordItem Tick { get; } = new(RecordItemKind.Tick);
}
