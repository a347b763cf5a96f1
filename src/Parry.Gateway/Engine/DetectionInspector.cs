using Parry.Agents.Calls;
using Parry.Agents.Events;
using Parry.Core.Events;
using Parry.Detection.Hunting;
using Parry.Detection.Reporting;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Engine;

using Detection = Parry.Core.Detections.Detection;
using ToolCallResult = Parry.Gateway.Inspection.ToolCallResult;

/// <summary>
/// Parry's detection engine on the gateway's path. For every tools/call: the analysis of what it does (targets,
/// offensive behaviours, decision points), the call as a Parry event through the same Sigma rules as logs, and the
/// correlations over every session's calls, all as findings for the policy (<see cref="Inspect"/>). Every call that
/// ends is then recorded as a hunt over the audit log would see it — detections, correlations, behaviour per session,
/// campaigns — into the detections output (<see cref="CallRecorder"/>). Thread-safe: the analysis and matching run on
/// the caller's thread, the judging correlations behind one small lock, the record on its own thread.
/// </summary>
public sealed class DetectionInspector : IToolCallInspector, IAsyncDisposable
{
    private readonly GatewayDetection _detection;
    private readonly DetectionInspectorOptions _options;
    private readonly ThreadLocal<ToolCallEventFactory> _factories;
    private readonly JudgingCorrelations _judging;
    private readonly PendingCalls _pending;
    private readonly CallRecorder _recorder;
    private readonly ITimer _campaignTimer;
    private readonly Action<string> _report;
    private long _sequence;
    private int _completed;
    private long _late;

    [ThreadStatic]
    private static List<Detection>? t_hits;

    /// <param name="detection">The compiled engine (shared, immutable).</param>
    /// <param name="sink">Where detections and campaigns go (<c>--detections</c>); null: they are tracked, not written.</param>
    /// <param name="options">Timers and bounds; defaults as documented on <see cref="DetectionInspectorOptions"/>.</param>
    /// <param name="time">The clock of the timers and of elapsed times.</param>
    /// <param name="report">Diagnostics for the person running the gateway (stderr).</param>
    public DetectionInspector(GatewayDetection detection, IHuntSink? sink = null, DetectionInspectorOptions? options = null,
        TimeProvider? time = null, Action<string>? report = null)
    {
        _detection = detection;
        _options = options ?? new DetectionInspectorOptions();
        time ??= TimeProvider.System;
        _report = report ?? (_ => { });
        Errors = new ErrorCollector(_options.Record.MaxErrorsKept, e => _report("detections: " + e));
        _factories = new ThreadLocal<ToolCallEventFactory>(() => new ToolCallEventFactory(detection.Fields, detection.Analyzer));
        _judging = new JudgingCorrelations(detection.Correlations, _options.Judging, Errors, time, _options.SessionHoldLevel,
            _options.MaxSessions, _report);
        _pending = new PendingCalls(_options.MaxPendingCalls);
        _recorder = new CallRecorder(detection, _options, _judging, new GuardedSink(sink, _report), Errors, time, _report);
        _judging.Start(_options.AdvanceInterval);
        _campaignTimer = time.CreateTimer(static state => ((CallRecorder)state!).Tick(), _recorder, _options.CampaignInterval, _options.CampaignInterval);
    }

    /// <summary>Problems met while recording (calls too large for an event, correlation detections out of time).</summary>
    public ErrorCollector Errors { get; }

    /// <summary>Calls recorded so far.</summary>
    public long Recorded => _recorder.Events;

    public IReadOnlyList<Finding> Inspect(ToolCallRequest request)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        try
        {
            return Judge(request, sequence);
        }
        catch
        {
            // The gateway denies a call it could not inspect; it is still followed, so the record has it.
            Follow(new CallRecord(request, sequence));
            throw;
        }
    }

    public void Decided(ToolCallRequest request, CallDecision decision)
    {
        if (decision.Rejected)
        {
            var rejected = new CallRecord(request, Interlocked.Increment(ref _sequence));
            rejected.Decide(decision);
            Record(rejected);
            return;
        }
        if (!_pending.TryGet(request.CallId, out var record))
            return; // recorded already: evicted as the oldest pending call
        record.Decide(decision);
        if (decision.Approval is { Approved: true, By: "operator" })
            _judging.Approved(request.SessionId, record.Carried);
        if (decision.IsFinal && _pending.TryRemove(request.CallId, out _))
            Record(record);
    }

    public void Observe(ToolCallRequest request, ToolCallResult result)
    {
        if (!_pending.TryRemove(request.CallId, out var record))
            return;
        record.Result = result;
        Record(record);
    }

    /// <summary>The flags a session carries now: correlations that hold its calls until an operator approves one.</summary>
    public IReadOnlyList<string> HeldBy(string session) => [.. _judging.FlagsOf(session).Select(f => f.Rule.Id)];

    /// <summary>Completes when every call that ended before it is recorded (tests, and before reading the output).</summary>
    public Task FlushAsync() => _recorder.FlushAsync();

    /// <summary>
    /// Ends the run: calls still pending are recorded as they stand (oldest first, as a hunt over the audit log reads a
    /// call whose result never came), open correlation windows are judged, every campaign and the summary are written.
    /// Calls that end afterwards are left out (counted, reported).
    /// </summary>
    public async Task CompleteAsync()
    {
        // Holds the gateway denied as it stopped reach here on other threads a moment later.
        for (var waited = 0; waited < 200 && _pending.AnyHeld(); waited++)
            await Task.Delay(10).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return;
        await _campaignTimer.DisposeAsync().ConfigureAwait(false);
        _judging.Dispose();
        foreach (var record in _pending.TakeAll())
            _recorder.Enqueue(record);
        await _recorder.CompleteAsync().ConfigureAwait(false);
        _factories.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync().ConfigureAwait(false);
        if (Interlocked.Read(ref _late) > 0)
            _report($"{_late} calls ended after the detection record was closed and are not in it (the audit log has them)");
    }

    private List<Finding> Judge(ToolCallRequest request, long sequence)
    {
        var call = new ToolCall
        {
            Tool = request.Tool,
            Server = request.Server,
            Session = request.SessionId,
            ClientName = request.Client.Name,
            ClientVersion = request.Client.Version,
            RequestId = request.RequestId,
            Arguments = request.Arguments,
            Started = request.ReceivedAt,
        };
        var analysis = _detection.Analyzer.Analyze(call);
        var e = _factories.Value!.Create(call, analysis, new EventOrigin(_options.SourcePath, sequence), out var layout);
        var hits = t_hits ??= [];
        hits.Clear();
        _detection.Matcher.Match(e, hits);

        var findings = new List<Finding>();
        CallFindings.AddAnalysis(findings, analysis, request.Arguments);
        string[] fired = hits.Count == 0 ? [] : new string[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            fired[i] = hit.Rule.Id;
            if (_detection.Correlations.ShouldReport(hit.Rule))
                findings.Add(CallFindings.ForRule(hit));
        }
        var carried = _judging.Judge(request.SessionId, request.ReceivedAt, hits, findings);
        hits.Clear();
        // The judging windows and the pending record keep the event; the folded copy matching made is not read
        // again (made anew if it is) and would double the text they keep alive.
        e.ReleaseFoldedText();
        Follow(new CallRecord(request, sequence) { Analysis = analysis, Judged = e, JudgedLayout = layout, JudgedRules = fired, Carried = carried });
        return findings;
    }

    private void Follow(CallRecord record)
    {
        if (_pending.Add(record) is { } oldest)
            Record(oldest);
    }

    private void Record(CallRecord record)
    {
        if (Volatile.Read(ref _completed) != 0)
        {
            Interlocked.Increment(ref _late);
            return;
        }
        _recorder.Enqueue(record);
    }
}
