using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parry.Gateway.Approvals;
using Parry.Gateway.Decisions;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Audit;

/// <summary>
/// The JSONL audit log: one object per line for every decision and every result, written by one writer under one
/// lock and flushed before the caller goes on, so a record exists before the call is forwarded or answered. A failed
/// write throws <see cref="AuditWriteException"/>: the gateway then denies (fail closed), never loses a record silently.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private readonly Stream? _stream;
    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public AuditLog(Stream? stream, TimeProvider time, bool flushToDisk = false, string path = "")
    {
        _stream = stream;
        _time = time;
        _flushToDisk = flushToDisk;
        Path = path;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public string Path { get; }

    public static AuditLog Disabled(TimeProvider time) => new(null, time);

    /// <summary>Opens (creating or appending to) <paramref name="path"/>, readable by its owner only.</summary>
    public static AuditLog OpenFile(string path, TimeProvider time, bool flushToDisk = false)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new AuditLog(new FileStream(path, options), time, flushToDisk, path);
    }

    /// <summary>A decision record, stamped <paramref name="at"/> (default: now): the time the inspector is told, so a
    /// hunt over this log places the call exactly where the live gateway did.</summary>
    internal void WriteDecision(CallContext call, Verdict verdict, TimeSpan latency, ApprovalOutcome? approval, DateTimeOffset? at = null)
    {
        Append(w =>
        {
            Header(w, "decision", call, at ?? _time.GetUtcNow());
            w.WritePropertyName("arguments"u8);
            SecretRedactor.WriteRedacted(call.Request.Arguments, w);
            w.WriteString("decision"u8, verdict.Action.Name());
            w.WriteString("rule"u8, verdict.Rule);
            w.WriteString("reason"u8, verdict.Reason);
            WriteFindings(w, call.Findings);
            w.WriteNumber("latency_us"u8, Math.Round(latency.TotalMicroseconds, 1));
            if (approval is not null)
            {
                w.WriteStartObject("approval"u8);
                w.WriteString("by"u8, approval.By);
                if (approval.Reason is not null)
                    w.WriteString("reason"u8, approval.Reason);
                w.WriteNumber("held_ms"u8, Math.Round(approval.Held.TotalMilliseconds, 1));
                w.WriteEndObject();
            }
        });
    }

    internal void WriteResult(CallContext call, ToolCallResult result)
    {
        Append(w =>
        {
            Header(w, "result", call, result.CompletedAt);
            w.WriteString("status"u8, result.Status.Name());
            w.WriteBoolean("is_error"u8, result.IsError);
            if (result.ContentSummary is not null)
                w.WriteString("summary"u8, result.ContentSummary);
            if (result.ErrorMessage is not null)
                w.WriteString("error"u8, result.ErrorMessage);
            w.WriteNumber("duration_ms"u8, Math.Round(result.Duration.TotalMilliseconds, 3));
        });
    }

    /// <summary>A tools/call that could not even be read (malformed, sent as a notification, too large): denied.</summary>
    internal void WriteRejected(SessionState session, string requestId, string rule, string reason, DateTimeOffset? at = null)
    {
        Append(w =>
        {
            w.WriteString("time"u8, at ?? _time.GetUtcNow());
            w.WriteString("type"u8, "decision");
            w.WriteString("session"u8, session.Id);
            w.WriteString("transport"u8, session.Transport);
            WriteClient(w, session.Client);
            w.WriteString("server"u8, session.ServerName);
            w.WriteString("request_id"u8, requestId);
            w.WriteString("decision"u8, "deny");
            w.WriteString("rule"u8, rule);
            w.WriteString("reason"u8, reason);
        });
    }

    private static void Header(Utf8JsonWriter w, string type, CallContext call, DateTimeOffset time)
    {
        var request = call.Request;
        w.WriteString("time"u8, time);
        w.WriteString("type"u8, type);
        w.WriteString("call_id"u8, request.CallId);
        w.WriteString("session"u8, request.SessionId);
        w.WriteString("transport"u8, request.Transport);
        WriteClient(w, request.Client);
        w.WriteString("server"u8, request.Server);
        w.WriteString("tool"u8, request.Tool);
        w.WriteString("request_id"u8, request.RequestId);
    }

    private static void WriteClient(Utf8JsonWriter w, ClientIdentity client)
    {
        w.WriteStartObject("client"u8);
        w.WriteString("name"u8, client.Name);
        if (client.Version is not null)
            w.WriteString("version"u8, client.Version);
        w.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray("findings"u8);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("kind"u8, f.Kind switch
            {
                FindingKind.Target => "target",
                FindingKind.OffensiveAction => "offensive_action",
                FindingKind.DecisionPoint => "decision_point",
                _ => "detection",
            });
            w.WriteString("source"u8, f.Source);
            w.WriteString("summary"u8, SecretRedactor.RedactText(f.Summary));
            if (f.Kind == FindingKind.Target)
            {
                w.WriteString("target_kind"u8, f.TargetKind.ToString().ToLowerInvariant());
                w.WriteString("target"u8, f.Target);
                w.WriteString("argument"u8, f.Argument);
            }
            if (f.Category is { } category)
                w.WriteString("category"u8, category.Name());
            if (f.Level is { } level)
                w.WriteString("level"u8, level.ToString().ToLowerInvariant());
            if (f.RuleId is not null)
                w.WriteString("rule_id"u8, f.RuleId);
            if (f.Tags.Count > 0)
            {
                w.WriteStartArray("tags"u8);
                foreach (var tag in f.Tags)
                    w.WriteStringValue(tag);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void Append(Action<Utf8JsonWriter> body)
    {
        if (_stream is null)
            return;
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            body(_writer);
            _writer.WriteEndObject();
            _writer.Flush();
            _buffer.Write("\n"u8);
            try
            {
                _stream.Write(_buffer.WrittenSpan);
                if (_stream is FileStream file)
                    file.Flush(_flushToDisk);
                else
                    _stream.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
            {
                throw new AuditWriteException($"cannot write the audit log {Path}: {e.Message}", e);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
            _stream?.Dispose();
        }
    }
}
