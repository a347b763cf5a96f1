using System.Buffers;
using System.Text.Json;
using Parry.Agents.Calls;
using Parry.Gateway.Audit;
using Parry.Gateway.Decisions;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Engine;

using AgentResult = Parry.Agents.Calls.ToolCallResult;

/// <summary>
/// A call as the audit log records it, and as <c>parry hunt</c> reads it back (Parry.Ingest's <c>parry-audit</c>
/// format): redacted arguments, the time of its first decision, its last decision (with how a hold ended), and its
/// result as status, summary and error. The record of the live gateway is built from this, so that a hunt over the
/// audit log sees the same events, and no secret reaches the detections output.
/// </summary>
internal static class AuditedCall
{
    /// <summary>The call; <paramref name="redacted"/> says whether its arguments lost anything to redaction (if not,
    /// the analysis of the original arguments stands for them).</summary>
    public static ToolCall Of(CallRecord record, out bool redacted)
    {
        var request = record.Request;
        redacted = false;
        var arguments = request.Arguments.ValueKind == JsonValueKind.Undefined || record.LastDecision is { Rejected: true }
            ? default
            : Redacted(request.Arguments, out redacted);
        var call = new ToolCall
        {
            Tool = request.Tool,
            Server = request.Server,
            Session = request.SessionId,
            ClientName = request.Client.Name,
            ClientVersion = request.Client.Version,
            RequestId = request.RequestId,
            Arguments = arguments,
            Started = record.FirstDecision?.At ?? request.ReceivedAt,
            Decision = record.LastDecision is { } last ? Decision(last) : null,
            // One object, not a copy made `with` the result (this runs for every call recorded).
            Ended = record.Result?.CompletedAt,
            Result = record.Result is { } result ? Result(result) : null,
        };
        return call;
    }

    private static JsonElement Redacted(JsonElement arguments, out bool changed)
    {
        changed = SecretRedactor.WouldRedact(arguments);
        if (!changed)
            return arguments;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            changed = SecretRedactor.WriteRedactedChanged(arguments, writer);
        if (!changed)
            return arguments;
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static ToolCallDecision Decision(CallDecision decision)
    {
        var reason = decision.Reason;
        if (decision.Approval is { } approval)
            reason = $"{reason} (approved or denied by {approval.By}{(approval.Reason is { } why ? ": " + why : "")})";
        return new ToolCallDecision(decision.Action.Name(), decision.Rule, reason);
    }

    private static AgentResult Result(Inspection.ToolCallResult result)
    {
        var text = result.ContentSummary ?? result.ErrorMessage;
        if (result.Status != ToolCallStatus.Ok)
            text = text is null ? result.Status.Name() : $"{result.Status.Name()}: {text}";
        return AgentResult.FromText(result.IsError, text);
    }
}
