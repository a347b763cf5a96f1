using System.Text.Json;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces.Reading;

using static Parry.Ingest.Traces.Reading.TraceJson;

namespace Parry.Ingest.Traces.Formats;

/// <summary>
/// The audit log of <c>parry gateway --audit</c> (JSONL, written by <c>Parry.Gateway.Audit.AuditLog</c>): a
/// <c>"type": "decision"</c> line for each decision on a tools/call (time, call_id, session, transport,
/// client {name, version}, server, tool, request_id, redacted arguments, decision, rule, reason, findings,
/// latency_us, approval) — a held call gets a second decision once approved or denied — and a <c>"type": "result"</c>
/// line when it ends (status, is_error, summary, error, duration_ms). Lines of one call share its <c>call_id</c>; a
/// call is emitted when its result arrives or it is finally denied, the rest at the end, with its last decision.
/// A rejected tools/call (unreadable, no call id) is emitted at once as tool <c>unknown</c>. Record = the line of the
/// call's first decision; time = that decision's time.
/// </summary>
public sealed class GatewayAuditFormat(ToolCallAnalyzer? analyzer = null) : IInputFormat
{
    public const int MaxPending = 16_384;

    public string Name => "parry-audit";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        if (TraceProbe.FirstSignificant(head) != (byte)'{' || !TraceProbe.Contains(head, "\"decision\""))
            return 0;
        var typed = TraceProbe.Contains(head, "\"type\":\"decision\"") || TraceProbe.Contains(head, "\"type\": \"decision\"");
        return typed && TraceProbe.Contains(head, "\"session\"") ? 95 : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        var emitter = new ToolCallEmitter(source, context, analyzer);
        var pending = new Dictionary<string, (ToolCall Call, long Record)>(StringComparer.Ordinal);
        var order = new Queue<string>();
        using var stream = source.Open();
        using var lines = new BoundedLineReader(stream, context.MaxRecordBytes);
        while (lines.TryReadLine(out var line))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var record = lines.LineNumber;
            if (lines.Oversized)
            {
                emitter.Error(record, $"line longer than {context.MaxRecordBytes} bytes skipped");
                continue;
            }
            if (line.Span.Trim(" \t"u8).IsEmpty)
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                emitter.Error(record, "malformed JSON: " + e.Message);
                continue;
            }
            var ready = new List<(ToolCall Call, long Record)>();
            using (document)
            {
                var root = document.RootElement;
                var type = TraceJson.Text(root, "type");
                var callId = TraceJson.Text(root, "call_id");
                if (root.ValueKind != JsonValueKind.Object || type is not ("decision" or "result"))
                {
                    emitter.Error(record, "not an audit record (an object with type decision or result)");
                    continue;
                }
                if (type == "decision" && callId is null)
                {
                    ready.Add((Decision(root, Base(root, "unknown")), record));
                }
                else if (callId is null)
                {
                    emitter.Error(record, "result record without a call_id");
                }
                else if (type == "decision")
                {
                    var known = pending.TryGetValue(callId, out var earlier);
                    var call = Decision(root, known ? earlier.Call : Base(root, TraceJson.Text(root, "tool") ?? "unknown"));
                    if (!known)
                    {
                        order.Enqueue(callId);
                        while (pending.Count >= MaxPending && order.TryDequeue(out var oldest))
                        {
                            if (pending.Remove(oldest, out var evicted))
                                ready.Add(evicted);
                        }
                    }
                    pending[callId] = (call, known ? earlier.Record : record);
                    if (call.Decision?.Action == "deny")
                    {
                        pending.Remove(callId, out var denied);
                        ready.Add(denied);
                    }
                }
                else if (pending.Remove(callId, out var open))
                {
                    ready.Add((Result(root, open.Call), open.Record));
                }
                else
                {
                    ready.Add((Result(root, Base(root, TraceJson.Text(root, "tool") ?? "unknown")), record));
                }
            }
            foreach (var (call, at) in ready)
            {
                if (emitter.Emit(call, at) is { } e)
                    yield return e;
            }
        }
        while (order.TryDequeue(out var callId))
        {
            if (pending.Remove(callId, out var open) && emitter.Emit(open.Call, open.Record) is { } e)
                yield return e;
        }
    }

    private static ToolCall Base(JsonElement root, string tool)
    {
        var client = TraceJson.TryGet(root, out var c, "client") ? c : default;
        return new ToolCall
        {
            Tool = tool,
            Server = TraceJson.Text(root, "server"),
            Session = TraceJson.Text(root, "session"),
            ClientName = client.ValueKind == JsonValueKind.Object ? TraceJson.Text(client, "name") : TraceJson.ScalarText(client),
            ClientVersion = client.ValueKind == JsonValueKind.Object ? TraceJson.Text(client, "version") : null,
            RequestId = TraceJson.Text(root, "request_id"),
            Started = TraceJson.Time(root, "time"),
        };
    }

    private static ToolCall Decision(JsonElement root, ToolCall call)
    {
        var action = TraceJson.Text(root, "decision") ?? "unknown";
        var reason = TraceJson.Text(root, "reason");
        if (TraceJson.TryGet(root, out var approval, "approval") && TraceJson.Text(approval, "by") is { } by)
            reason = $"{reason} (approved or denied by {by}{(TraceJson.Text(approval, "reason") is { } why ? ": " + why : "")})";
        return call with
        {
            Arguments = call.Arguments.ValueKind == JsonValueKind.Undefined && Has(root, "arguments", out var arguments)
                ? TraceJson.Arguments(arguments)
                : call.Arguments,
            Decision = new ToolCallDecision(action, TraceJson.Text(root, "rule"), reason),
        };
    }

    private static ToolCall Result(JsonElement root, ToolCall call)
    {
        var isError = Has(root, "is_error", out var flag) && flag.ValueKind == JsonValueKind.True;
        var text = TraceJson.Text(root, "summary") ?? TraceJson.Text(root, "error");
        var status = TraceJson.Text(root, "status");
        if (status is not null && status != "ok")
            text = text is null ? status : $"{status}: {text}";
        return call with { Ended = TraceJson.Time(root, "time"), Result = ToolCallResult.FromText(isError, text) };
    }
}
