using Parry.Core.Actors;
using Parry.Core.Detections;
using Parry.Core.Diagnostics;
using Parry.Detection.Correlation;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Engine;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// The correlations that judge calls as they arrive: one run for every session (a correlation grouped by target sees
/// several sessions at one host), fed under one small lock with each call's detections at the call's time, and moved
/// on at once so a correlation the call completes is on that call's verdict. Calls of different sessions can reach
/// the lock a little out of order; a call is placed no earlier than the last one, so none is ever late. A
/// correlation at the hold level or above also flags its session (<see cref="SessionFlags"/>).
/// </summary>
internal sealed class JudgingCorrelations : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CorrelationSet _set;
    private readonly CorrelationRun _run;
    private readonly SessionFlags _flags;
    private readonly Level? _holdLevel;
    private readonly long _latenessTicks;
    private readonly List<Detection> _fired = [];
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private ITimer? _timer;
    private long _floor = long.MinValue;

    public JudgingCorrelations(CorrelationSet set, CorrelationOptions options, IInputErrorSink errors, TimeProvider time,
        Level? holdLevel, int maxSessions, Action<string> report)
    {
        _set = set;
        _run = set.StartRun(options, errors, time);
        _flags = new SessionFlags(maxSessions);
        _holdLevel = holdLevel;
        _latenessTicks = options.Lateness.Ticks;
        _time = time;
        _report = report;
    }

    /// <summary>Correlation detections made so far (on calls, on the timer, or from results).</summary>
    public long Fired { get; private set; }

    /// <summary>Moves the run on to the clock every <paramref name="interval"/>, so windows close without new calls.</summary>
    public void Start(TimeSpan interval) =>
        _timer = _time.CreateTimer(static state => ((JudgingCorrelations)state!).Tick(), this, interval, interval);

    /// <summary>
    /// Judges one call: its detections go into the run at its time. Adds to <paramref name="findings"/> every
    /// correlation the call completed and every flag its session carries; returns the flags this call carries (those
    /// it found and those it raised), which an operator's approval of it clears.
    /// </summary>
    public SessionFlag[] Judge(string session, DateTimeOffset receivedAt, List<Detection> hits, List<Finding> findings)
    {
        if (_set.Count == 0 && _flags.IsEmpty)
            return [];
        lock (_gate)
        {
            var carried = _flags.Of(session);
            foreach (var flag in carried)
                findings.Add(CallFindings.ForHeldSession(flag));
            var ticks = Math.Max(receivedAt.UtcTicks, _floor);
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            foreach (var hit in hits)
            {
                if (_set.Correlates(hit.Rule))
                    _run.Observe(hit, at, _fired);
            }
            AdvanceTo(ticks + 1);
            if (_fired.Count == 0)
                return carried;
            var raised = new List<SessionFlag>(carried);
            foreach (var detection in _fired)
            {
                var owner = SessionOf(detection);
                if (owner == session)
                    findings.Add(CallFindings.ForCorrelation(detection));
                if (Flag(detection, owner) is { } flag && owner == session)
                    raised.Add(flag);
            }
            _fired.Clear();
            return [.. raised];
        }
    }

    /// <summary>Detections that only calls' results showed (rules on <c>result.*</c>), for several calls under one
    /// lock: they join the run now, and a correlation they complete flags its session for the calls that follow. The
    /// detections of call i end before <paramref name="callEnds"/>[i], and each call is observed and the run moved on
    /// exactly as if it came alone.</summary>
    public void ObserveResults(IReadOnlyList<Detection> detections, IReadOnlyList<int> callEnds)
    {
        if (detections.Count == 0)
            return;
        lock (_gate)
        {
            var start = 0;
            foreach (var end in callEnds)
            {
                if (end == start)
                    continue;
                var ticks = Math.Max(_floor, _time.GetUtcNow().UtcTicks - _latenessTicks);
                for (var i = start; i < end; i++)
                {
                    var detection = detections[i];
                    ticks = Math.Max(detection.Timestamp?.UtcTicks ?? ticks, _floor);
                    _run.Observe(detection, new DateTimeOffset(ticks, TimeSpan.Zero), _fired);
                }
                AdvanceTo(ticks + 1);
                FlagFired();
                start = end;
            }
        }
    }

    /// <summary>An operator approved a call: the flags it carried are cleared (a human has looked at the session).</summary>
    public void Approved(string session, SessionFlag[] carried)
    {
        if (carried.Length == 0)
            return;
        lock (_gate)
            _flags.Clear(session, carried);
    }

    /// <summary>The flags a session carries now (for tests and the approvals view).</summary>
    public SessionFlag[] FlagsOf(string session)
    {
        lock (_gate)
            return _flags.Of(session);
    }

    private void Tick()
    {
        try
        {
            lock (_gate)
            {
                AdvanceTo(_time.GetUtcNow().UtcTicks);
                FlagFired();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer thread must not take the gateway down; the failure is reported, calls go on being judged.
            _report("correlation timer failed: " + e);
        }
    }

    private void AdvanceTo(long ticks)
    {
        if (ticks == long.MinValue)
            return;
        _run.Advance(new DateTimeOffset(ticks, TimeSpan.Zero), _fired);
        _floor = Math.Max(_floor, ticks - _latenessTicks);
    }

    private void FlagFired()
    {
        foreach (var detection in _fired)
            Flag(detection, SessionOf(detection));
        _fired.Clear();
    }

    private SessionFlag? Flag(Detection detection, string? session)
    {
        Fired++;
        if (session is null || _holdLevel is not { } level || detection.Rule.Level < level)
            return null;
        var flag = new SessionFlag(detection.Rule, detection.Timestamp ?? _time.GetUtcNow());
        _flags.Raise(session, flag);
        return flag;
    }

    private static string? SessionOf(Detection detection) =>
        detection.Actor is { Kind: ActorKind.Session } actor ? actor.Value : null;

    public void Dispose() => _timer?.Dispose();
}
