using System.Collections.Concurrent;

namespace Parry.Gateway.Approvals;

/// <summary>
/// The calls waiting for a human. Each hold ends exactly once: approved or denied by an operator (through the
/// control endpoint), denied when the policy's approval timeout passes on the <see cref="TimeProvider"/>, or denied
/// when the client cancels or goes away. Per-gateway state, never shared between runs.
/// </summary>
public sealed class ApprovalQueue
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _pending = new(StringComparer.Ordinal);

    public ApprovalQueue(TimeProvider time) => _time = time;

    public int Count => _pending.Count;

    public IReadOnlyList<PendingApproval> List() =>
        [.. _pending.Values.Select(e => e.View).OrderBy(v => v.HeldAt)];

    /// <summary>Waits for the decision on <paramref name="view"/>; cancelling <paramref name="clientGone"/> denies it.</summary>
    public async Task<ApprovalOutcome> HoldAsync(PendingApproval view, TimeSpan timeout, CancellationToken clientGone, Func<string>? goneReason = null)
    {
        var entry = new Entry(view, _time.GetTimestamp());
        if (!_pending.TryAdd(view.Id, entry))
            throw new InvalidOperationException($"approval id {view.Id} is already pending");
        using var timer = _time.CreateTimer(
            _ => Resolve(view.Id, approved: false, "timeout", $"not approved within {timeout.TotalSeconds:0.###}s"),
            null, timeout, Timeout.InfiniteTimeSpan);
        using var registration = clientGone.Register(() => Resolve(view.Id, approved: false, "client", goneReason?.Invoke() ?? "the client cancelled or went away"));
        return await entry.Outcome.Task.ConfigureAwait(false);
    }

    public bool Approve(string id, string? reason) => Resolve(id, approved: true, "operator", reason);

    public bool Deny(string id, string? reason) => Resolve(id, approved: false, "operator", reason ?? "denied by the operator");

    /// <summary>Denies every pending hold (the gateway is stopping).</summary>
    public void DenyAll(string by, string reason)
    {
        foreach (var id in _pending.Keys)
            Resolve(id, approved: false, by, reason);
    }

    private bool Resolve(string id, bool approved, string by, string? reason)
    {
        if (!_pending.TryRemove(id, out var entry))
            return false;
        var held = _time.GetElapsedTime(entry.Started);
        return entry.Outcome.TrySetResult(new ApprovalOutcome(approved, by, reason, held));
    }

    private sealed class Entry(PendingApproval view, long started)
    {
        public PendingApproval View { get; } = view;

        public long Started { get; } = started;

        public TaskCompletionSource<ApprovalOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
