using Parry.Agents.Events;
using Parry.Core.Campaigns;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Detection.Hunting;
using Parry.Detection.Reporting;

namespace Parry.Gateway.Engine;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// The record of the live gateway: completed calls, in the order they ended, become events exactly as a hunt over the
/// audit log reads them (<see cref="AuditedCall"/>), and go through the same steps as <c>parry hunt</c>
/// (<see cref="HuntConsumer"/>: detections, correlations, behaviour per session, campaigns). One thread behind one
/// bounded queue, off every call's path: a full queue leaves calls out of the record (counted and reported), it never
/// holds a call up. Detections a call's result alone raised go back to the judging correlations.
/// </summary>
internal sealed class CallRecorder
{
    private readonly GatewayDetection _detection;
    private readonly DetectionInspectorOptions _options;
    private readonly JudgingCorrelations _judging;
    private readonly GuardedSink _sink;
    private readonly ErrorCollector _errors;
    private readonly Action<string> _report;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly RecordQueue _queue;
    private readonly HuntConsumer _consumer;
    private readonly ToolCallEventFactory _factory;
    private readonly List<Detection> _hits = [];
    private readonly List<Detection> _fromResults = [];
    private readonly List<int> _resultCallEnds = [];
    private readonly Dictionary<string, string> _written = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _loop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dropped;

    // Detections from results held back before the judging correlations must see them (see ObserveResults).
    private const int MaxResultsHeld = 64;

    // A batch this large means calls come faster than pauses are worth (see Run).
    private const int BusyBatch = 64;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(1);

    public CallRecorder(GatewayDetection detection, DetectionInspectorOptions options, JudgingCorrelations judging, GuardedSink sink,
        ErrorCollector errors, TimeProvider time, Action<string> report)
    {
        _detection = detection;
        _options = options;
        _judging = judging;
        _sink = sink;
        _errors = errors;
        _time = time;
        _report = report;
        _started = time.GetTimestamp();
        _consumer = new HuntConsumer(sink, options.Record, detection.Correlations, errors);
        _factory = new ToolCallEventFactory(detection.Fields, detection.Analyzer);
        _queue = new RecordQueue(options.MaxQueuedRecords);
        // Its own named thread, not the thread pool: it is busy for as long as calls come, and a profile or a
        // per-thread CPU figure should show the record apart from the calls' threads.
        new Thread(Run) { IsBackground = true, Name = "parry-record" }.Start();
    }

    /// <summary>Calls recorded so far.</summary>
    public long Events { get; private set; }

    /// <summary>Calls left out of the record because its queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(CallRecord call)
    {
        if (_queue.TryAdd(new RecordItem(RecordItemKind.Call, call)))
            return;
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
            _report($"the detection record is behind: {dropped} calls left out of it so far (the audit log has them)");
    }

    /// <summary>Asks for changed campaigns to be written (skipped when the queue is full: the next tick will do).</summary>
    public void Tick() => _queue.TryAdd(RecordItem.Tick);

    /// <summary>Completes when every call handed in before it is recorded.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(new RecordItem(RecordItemKind.Barrier, Done: done));
        // Once the record has finished nothing reads the queue: a barrier then has nothing left to wait for.
        if (_loop.Task.IsCompleted)
            done.TrySetResult();
        return done.Task;
    }

    /// <summary>Records what is queued, judges open correlation windows, writes every campaign and the summary.</summary>
    public async Task CompleteAsync()
    {
        _queue.Add(new RecordItem(RecordItemKind.Finish));
        _queue.Close();
        await _loop.Task.ConfigureAwait(false);
        _queue.Dispose();
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                var taken = 0;
                while (_queue.TryTake(out var item))
                {
                    if (!Handle(item))
                        return;
                    taken++;
                }
                ObserveResults();
                // Calls arrive one at a time, often a millisecond apart: waking for each costs far more CPU than
                // recording it (a wake-up, cold caches). A short pause lets them gather. Under load (a large batch)
                // the pause is cut short: every queued call keeps its judged event alive, and at full speed 20 ms of
                // calls (~1,500) were several MB that each gen-0 GC in the meantime had to promote.
                if (_options.RecordBatchInterval > TimeSpan.Zero)
                    Thread.Sleep(taken >= BusyBatch && _options.RecordBatchInterval > BusyPause ? BusyPause : _options.RecordBatchInterval);
                if (_queue.IsEmpty)
                    _queue.WaitForItems();
            }
        }
        finally
        {
            _loop.TrySetResult();
            // Barriers queued behind the end are released, not left waiting (FlushAsync covers those added later).
            while (_queue.TryTake(out var left))
                left.Done?.TrySetResult();
        }
    }

    // False once the record is finished.
    private bool Handle(RecordItem item)
    {
        try
        {
            switch (item.Kind)
            {
                case RecordItemKind.Call:
                    Record(item.Call!);
                    break;
                case RecordItemKind.Tick:
                    WriteChangedCampaigns();
                    break;
                case RecordItemKind.Barrier:
                    ObserveResults();
                    item.Done!.TrySetResult();
                    break;
                case RecordItemKind.Finish:
                    ObserveResults();
                    Finish();
                    return false;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect, not bad input: say which call, keep recording the others.
            _report($"recording {(item.Call is { } call ? "call " + call.Request.CallId : item.Kind.ToString())} failed: {e}");
            item.Done?.TrySetResult();
        }
        return true;
    }

    private void Record(CallRecord record)
    {
        var call = AuditedCall.Of(record, out var redacted);
        var analysis = !redacted && record.Analysis is { } analysed ? analysed : _detection.Analyzer.Analyze(call);
        Event e;
        try
        {
            var origin = new EventOrigin(_options.SourcePath, record.Sequence);
            // Arguments kept as they were judged (nothing redacted, not dropped) and the judged analysis: the judged
            // event already holds the request and the analysis, node for node as they would be written again.
            e = !redacted && record.Analysis is not null && record.Judged is { } judged
                && call.Arguments.ValueKind == record.Request.Arguments.ValueKind
                ? _factory.CreateEnded(call, judged, record.JudgedLayout, origin)
                : _factory.Create(call, analysis, origin);
        }
        catch (EventTooLargeException tooLarge)
        {
            _errors.Report(new InputError(_options.SourcePath, record.Sequence, $"tool call '{call.Tool}' too large for an event: {tooLarge.Message}"));
            return;
        }
        _hits.Clear();
        var activity = _detection.Matcher.Match(e, _hits);
        Events++;
        _consumer.Consume(_hits, activity, e.Timestamp?.UtcTicks ?? long.MinValue);
        // The run keeps a correlated detection's event for its 30 s of lateness; the folded copy matching made
        // would ride along (as many characters again as the event's text) though nothing reads it after matching.
        e.ReleaseFoldedText();

        // Rules that only the result made fire (result.is_error, result.text) also count for judging what follows.
        var before = _fromResults.Count;
        foreach (var hit in _hits)
        {
            if (Array.IndexOf(record.JudgedRules, hit.Rule.Id) < 0 && _detection.Correlations.Correlates(hit.Rule))
                _fromResults.Add(hit);
        }
        if (_fromResults.Count == before)
            return;
        _resultCallEnds.Add(_fromResults.Count);
        if (_fromResults.Count >= MaxResultsHeld)
            ObserveResults();
    }

    // The judging lock is taken once for the detections of every call recorded since the last time, not once per
    // call: the judging thread holds that lock for each call it judges, and the record spun on it (~14 % of the
    // record's time at full speed). Each call is still observed on its own and the run moved on after it, in the
    // same order; the judging correlations only see them when the record has caught up (or after MaxResultsHeld),
    // which at the gateway's pace is the same moment (one call per wake-up).
    private void ObserveResults()
    {
        if (_fromResults.Count == 0)
            return;
        try
        {
            _judging.ObserveResults(_fromResults, _resultCallEnds);
        }
        finally
        {
            _fromResults.Clear();
            _resultCallEnds.Clear();
        }
    }

    private void WriteChangedCampaigns()
    {
        foreach (var campaign in _consumer.CurrentCampaigns())
        {
            var signature = Signature(campaign);
            if (_written.TryGetValue(campaign.Id, out var last) && last == signature)
                continue;
            _written[campaign.Id] = signature;
            _sink.Campaign(campaign);
        }
    }

    private void Finish()
    {
        _consumer.Finish();
        var summary = new HuntSummary(0, Events, _consumer.Detections, _consumer.Campaigns, _detection.RulesLoaded, _detection.RulesRejected,
            _errors.Kept, _errors.Count, (long)_time.GetElapsedTime(_started).TotalMilliseconds)
        {
            DetectionsByLevel = _consumer.DetectionsByLevel,
            EventsBySource = new Dictionary<string, long>(StringComparer.Ordinal) { [ToolCallEventFactory.SourceKind] = Events },
            CorrelationEvictions = _consumer.Evictions,
        };
        _sink.Complete(summary);
        if (Dropped > 0)
            _report($"{Dropped} calls were left out of the detection record (its queue was full); the audit log has them");
    }

    // What a reader of the output would notice changing.
    private static string Signature(Campaign c) =>
        FormattableString.Invariant($"{c.Detections}|{c.Events}|{c.Level}|{c.LastSeen.UtcTicks}|{c.Tactics.Count}|{c.Techniques.Count}|{c.Targets.Count}|{c.LinkedActors.Count}|{c.Autonomy.Score:0.000}");
}
