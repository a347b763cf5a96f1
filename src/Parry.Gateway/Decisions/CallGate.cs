using System.Text.Json;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.JsonRpc;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Decisions;

/// <summary>
/// Judges tools/call requests and follows them to their results, the same for every transport: inspect, apply the
/// policy, audit (before anything is forwarded or answered), hold for a human, time out, observe the result.
/// Transports only move bytes and call in here.
/// </summary>
internal sealed class CallGate(GatewayRuntime runtime)
{
    private const int MaxLateIds = 1024;
    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement;

    public GatewayRuntime Runtime => runtime;

    /// <summary>The synchronous first stage: allow, deny (with the response to send) or hold.</summary>
    public Judgement Judge(SessionState session, ReadOnlySpan<byte> message, JsonRpcMessage index)
    {
        var start = runtime.Time.GetTimestamp();
        var rawId = index.Id.Of(message);
        if (index.Kind == JsonRpcMessageKind.Notification)
            return Reject(session, rawId, "malformed_call", "tools/call sent as a notification (no id) is never forwarded");
        if (!ToolCallParams.TryRead(message, index.Params, out var parameters, out var problem))
            return Reject(session, rawId, "malformed_call", problem);
        var idKey = JsonRpcId.Key(rawId);
        if (session.InFlight.ContainsKey(idKey) || session.Held.ContainsKey(idKey))
            return Reject(session, rawId, "duplicate_id", $"request id {JsonRpcId.Display(rawId)} is already used by a call in progress");

        var request = new ToolCallRequest(
            GatewayRuntime.NewCallId(), session.Id, session.Transport, session.ServerName, parameters.Name,
            Arguments(message, parameters.Arguments), JsonRpcId.Display(rawId), runtime.Time.GetUtcNow())
        {
            Client = session.Client,
            ProtocolVersion = session.ProtocolVersion,
            IsTask = parameters.IsTask,
        };
        var call = new CallContext(session, request, rawId.ToArray(), idKey, start);
        var rateLimited = !session.RateLimiter.TryAcquire();
        Verdict verdict;
        try
        {
            call.Findings = runtime.Inspector.Inspect(request);
            verdict = PolicyEvaluator.Evaluate(runtime.Policy, request, call.Findings, rateLimited);
        }
        catch (Exception e)
        {
            // Fail closed: a call that could not be judged does not proceed. The failure is reported and audited.
            runtime.Diagnostics.Report($"inspection of call {request.CallId} ({request.Tool}) failed: {e}");
            verdict = new Verdict(PolicyAction.Deny, "inspection_failure", "the call could not be inspected: " + e.Message);
        }
        return Decide(call, verdict, runtime.Time.GetElapsedTime(start), approval: null);
    }

    /// <summary>The second stage of a held call: wait for a human, the timeout, or the client going away.</summary>
    public async Task<Judgement> AwaitApprovalAsync(CallContext call, CancellationToken clientGone)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        var session = call.Session;
        session.Held[call.IdKey] = cancel;
        try
        {
            var now = runtime.Time.GetUtcNow();
            var held = call.Verdict;
            var view = new PendingApproval(
                call.Request.CallId, session.Id, session.ServerName, call.Request.Tool, RedactedArguments(call.Request.Arguments),
                held.Rule, held.Reason, [.. call.Findings.Select(f => SecretRedactor.RedactText(f.Summary))],
                now, now + runtime.Policy.ApprovalTimeout);
            var outcome = await runtime.Approvals.HoldAsync(view, runtime.Policy.ApprovalTimeout, cancel.Token,
                () => session.EndReason ?? "the client cancelled or went away").ConfigureAwait(false);
            var verdict = outcome.Approved
                ? new Verdict(PolicyAction.Allow, held.Rule, "approved by the operator" + (outcome.Reason is null ? "" : ": " + outcome.Reason))
                : new Verdict(PolicyAction.Deny, held.Rule, $"{Describe(outcome)} (held for approval: {held.Reason})");
            return Decide(call, verdict, runtime.Time.GetElapsedTime(call.StartTimestamp), outcome);
        }
        finally
        {
            session.Held.TryRemove(call.IdKey, out _);
        }
    }

    /// <summary>Records that an allowed call is on its way to the server and arms its timeout.</summary>
    public void Forwarding(CallContext call, Action<CallContext> onTimeout)
    {
        call.ForwardedTimestamp = runtime.Time.GetTimestamp();
        call.Session.InFlight[call.IdKey] = call;
        call.Timer = runtime.Time.CreateTimer(static state => ((Action)state!)(), (Action)(() => onTimeout(call)),
            runtime.CallTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Looks at a message from the server to the client. Returns false when it must not be relayed: the answer to a
    /// call the client already got an error for (timed out or cancelled).
    /// </summary>
    public bool OnServerMessage(SessionState session, ReadOnlySpan<byte> message, JsonRpcMessage index)
    {
        if (index.Kind != JsonRpcMessageKind.Response
            || (session.InFlight.IsEmpty && session.InitializeIdKey is null && session.LateIds.IsEmpty))
            return true;
        var key = JsonRpcId.Key(index.Id.Of(message));
        if (session.InitializeIdKey == key)
        {
            session.InitializeIdKey = null;
            InitializeInfo.ReadResult(index.Result.Of(message), session);
            return true;
        }
        if (session.InFlight.TryRemove(key, out var call))
        {
            if (call.TryComplete())
            {
                var (status, isError, summary, error) = ResultSummary.Read(message, index);
                Observe(call, status, isError, summary, error);
            }
            return true;
        }
        return !session.LateIds.TryRemove(key, out _);
    }

    /// <summary>Looks at a message from the client that is not a tools/call (initialize, cancellations).</summary>
    public void OnClientMessage(SessionState session, ReadOnlySpan<byte> message, JsonRpcMessage index)
    {
        if (index.Method == KnownMethod.Initialize && index.Kind == JsonRpcMessageKind.Request)
        {
            session.InitializeIdKey = JsonRpcId.Key(index.Id.Of(message));
            InitializeInfo.ReadRequest(index.Params.Of(message), session);
        }
        else if (index.Method == KnownMethod.Cancelled && CancelledParams.TryReadRequestId(message, index.Params, out var requestId))
        {
            var key = JsonRpcId.Key(requestId.Of(message));
            if (session.Held.TryGetValue(key, out var hold))
                hold.Cancel();
            else if (session.InFlight.TryRemove(key, out var call) && call.TryComplete())
            {
                RememberLate(session, key);
                Observe(call, ToolCallStatus.Cancelled, true, null, "cancelled by the client");
            }
        }
    }

    /// <summary>
    /// Ends an in-flight call that will get no answer from the server (timeout, server gone, client gone). Returns the
    /// error response for the client, or null when the call had already ended.
    /// </summary>
    public byte[]? Abandon(CallContext call, ToolCallStatus status, string reason)
    {
        if (!call.Session.InFlight.TryRemove(call.IdKey, out _) || !call.TryComplete())
            return null;
        if (status == ToolCallStatus.Timeout)
            RememberLate(call.Session, call.IdKey);
        Observe(call, status, true, null, reason);
        return JsonRpcErrorWriter.Error(call.RawId, JsonRpcErrorCodes.Upstream, "parry: " + reason, w => CallData(w, call, status.Name()));
    }

    private static void RememberLate(SessionState session, string key)
    {
        if (session.LateIds.Count < MaxLateIds)
            session.LateIds[key] = 0;
    }

    private void Observe(CallContext call, ToolCallStatus status, bool isError, string? summary, string? error)
    {
        var started = call.ForwardedTimestamp != 0 ? call.ForwardedTimestamp : call.StartTimestamp;
        var result = new ToolCallResult(call.Request.CallId, status, isError, summary, error, runtime.Time.GetUtcNow(),
            runtime.Time.GetElapsedTime(started));
        // Audited first: the inspector's record of the session then follows the audit log's order.
        try
        {
            runtime.Audit.WriteResult(call, result);
        }
        catch (AuditWriteException e)
        {
            runtime.Diagnostics.Report($"{e.Message}: the result of call {call.Request.CallId} ({status.Name()}) is not in the audit log");
        }
        try
        {
            runtime.Inspector.Observe(call.Request, result);
        }
        catch (Exception e)
        {
            runtime.Diagnostics.Report($"an inspector failed to observe the result of call {call.Request.CallId}: {e.Message}");
        }
    }

    private Judgement Decide(CallContext call, Verdict verdict, TimeSpan latency, ApprovalOutcome? approval)
    {
        var at = runtime.Time.GetUtcNow();
        try
        {
            runtime.Audit.WriteDecision(call, verdict, latency, approval, at);
        }
        catch (AuditWriteException e)
        {
            runtime.Diagnostics.Report($"{e.Message}: denying call {call.Request.CallId} ({call.Request.Tool})");
            verdict = new Verdict(PolicyAction.Deny, "audit_failure", "the audit log cannot be written, so no call proceeds");
        }
        call.Verdict = verdict;
        try
        {
            runtime.Inspector.Decided(call.Request, new CallDecision(verdict.Action, verdict.Rule, verdict.Reason, at) { Approval = approval });
        }
        catch (Exception e)
        {
            runtime.Diagnostics.Report($"an inspector failed to follow the decision on call {call.Request.CallId}: {e.Message}");
        }
        return verdict.Action switch
        {
            PolicyAction.Allow => new Judgement(PolicyAction.Allow, call, null),
            PolicyAction.Hold => new Judgement(PolicyAction.Hold, call, null),
            _ => new Judgement(PolicyAction.Deny, call,
                JsonRpcErrorWriter.Error(call.RawId, JsonRpcErrorCodes.Denied, verdict.DenialMessage, w => CallData(w, call, "deny"))),
        };
    }

    private Judgement Reject(SessionState session, ReadOnlySpan<byte> rawId, string rule, string reason)
    {
        var display = JsonRpcId.Display(rawId);
        try
        {
            Rejections.Record(runtime, session, display, rule, reason);
        }
        catch (AuditWriteException e)
        {
            runtime.Diagnostics.Report($"{e.Message}: a rejected tools/call ({reason}) is not in the audit log");
        }
        runtime.Diagnostics.Report($"denied a tools/call (id {(display.Length == 0 ? "none" : display)}): {reason}");
        var verdict = new Verdict(PolicyAction.Deny, rule, reason);
        return new Judgement(PolicyAction.Deny, null,
            rawId.IsEmpty ? null : JsonRpcErrorWriter.Error(rawId, JsonRpcErrorCodes.Denied, verdict.DenialMessage));
    }

    private static void CallData(Utf8JsonWriter w, CallContext call, string decision)
    {
        w.WriteStartObject();
        w.WriteStartObject("parry"u8);
        w.WriteString("call_id"u8, call.Request.CallId);
        w.WriteString("decision"u8, decision);
        w.WriteString("rule"u8, call.Verdict.Rule);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static JsonElement Arguments(ReadOnlySpan<byte> message, Slice arguments)
    {
        if (arguments.IsEmpty)
            return EmptyArguments;
        var reader = new Utf8JsonReader(arguments.Of(message));
        return JsonElement.ParseValue(ref reader);
    }

    private static string RedactedArguments(JsonElement arguments)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            SecretRedactor.WriteRedacted(arguments, writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Describe(ApprovalOutcome outcome) => outcome.By switch
    {
        "timeout" => outcome.Reason ?? "timed out",
        "operator" => "denied by the operator" + (outcome.Reason is null or "denied by the operator" ? "" : ": " + outcome.Reason),
        "shutdown" => "the gateway stopped",
        "client" => outcome.Reason ?? "the client cancelled or went away",
        _ => outcome.Reason ?? "denied",
    };
}
