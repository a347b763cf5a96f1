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
/// Newline-delimited captures of MCP JSON-RPC traffic, both directions interleaved: each line a message (or a batch
/// array), bare or wrapped with capture metadata (<c>{"time": …, "direction": …, "session": …, "message": {…}}</c>,
/// the message possibly as a JSON string). <c>tools/call</c> requests are paired with their responses by id (and
/// direction when the capture records it); <c>initialize</c> supplies the client and server names;
/// <c>notifications/cancelled</c> ends a call as cancelled. A call is emitted when its response arrives, the rest at
/// the end; record = the request's line number. At most <see cref="MaxPending"/> calls wait for a response — beyond
/// that the oldest is emitted without one.
/// </summary>
public sealed class McpCaptureFormat(ToolCallAnalyzer? analyzer = null) : IInputFormat
{
    public const int MaxPending = 4096;

    private static readonly string[] WrapperKeys = ["message", "msg", "payload", "data", "json", "body", "frame"];

    public string Name => "mcp-jsonrpc";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        var first = TraceProbe.FirstSignificant(head);
        if (first is not ((byte)'{' or (byte)'[') || !TraceProbe.Contains(head, "\"jsonrpc\""))
            return 0;
        if (TraceProbe.Contains(head, "tools/call") || TraceProbe.Contains(head, "\"initialize\""))
            return 90;
        return TraceProbe.Contains(head, "\"method\"") ? 75 : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        var emitter = new ToolCallEmitter(source, context, analyzer);
        var state = new CaptureState(emitter.DefaultSession);
        using var stream = source.Open();
        using var lines = new BoundedLineReader(stream, context.MaxRecordBytes);
        while (lines.TryReadLine(out var line))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (lines.Oversized)
            {
                emitter.Error(lines.LineNumber, $"line longer than {context.MaxRecordBytes} bytes skipped");
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
                emitter.Error(lines.LineNumber, "malformed JSON: " + e.Message);
                continue;
            }
            using (document)
            {
                foreach (var done in state.Line(document.RootElement, lines.LineNumber, emitter))
                {
                    if (emitter.Emit(done.Call, done.Record) is { } e)
                        yield return e;
                }
            }
        }
        foreach (var pending in state.Remaining())
        {
            if (emitter.Emit(pending.Call, pending.Record) is { } e)
                yield return e;
        }
    }

    private readonly record struct Pending(ToolCall Call, long Record);

    /// <summary>What a capture has told so far: client and server names, calls waiting for their responses.</summary>
    private sealed class CaptureState(string defaultSession)
    {
        private readonly Dictionary<(string Id, string Direction), Pending> _pending = [];
        private readonly Queue<(string Id, string Direction)> _order = new();
        private string? _clientName;
        private string? _clientVersion;
        private string? _server;

        public IEnumerable<Pending> Line(JsonElement root, long record, ToolCallEmitter emitter)
        {
            var done = new List<Pending>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                    Message(item, default, record, emitter, done);
            }
            else
            {
                Message(root, default, record, emitter, done);
            }
            return done;
        }

        public IEnumerable<Pending> Remaining()
        {
            while (_order.TryDequeue(out var key))
            {
                if (_pending.Remove(key, out var pending))
                    yield return pending;
            }
        }

        private void Message(JsonElement element, JsonElement wrapper, long record, ToolCallEmitter emitter, List<Pending> done)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                emitter.Error(record, "a capture line must hold a JSON-RPC message object");
                return;
            }
            if (!IsJsonRpc(element))
            {
                if (wrapper.ValueKind == JsonValueKind.Undefined && Unwrap(element, out var inner, out var owned))
                {
                    using (owned)
                        Message(inner, element, record, emitter, done);
                    return;
                }
                emitter.Error(record, "no JSON-RPC message on this line");
                return;
            }
            var meta = wrapper.ValueKind == JsonValueKind.Object ? wrapper : default;
            var direction = Direction(meta);
            var time = meta.ValueKind == JsonValueKind.Object ? TraceJson.Time(meta, "timestamp", "time", "ts", "@timestamp", "date") : null;
            var session = meta.ValueKind == JsonValueKind.Object ? TraceJson.Text(meta, "session", "session_id", "sessionId", "mcp-session-id", "mcp_session_id") : null;
            var server = meta.ValueKind == JsonValueKind.Object ? TraceJson.Text(meta, "server", "server_name", "serverName") : null;
            var method = TraceJson.Text(element, "method");
            var id = TraceJson.Id(element);
            Has(element, "params", out var parameters);

            switch (method)
            {
                case "initialize" when parameters.ValueKind == JsonValueKind.Object && Has(parameters, "clientInfo", out var client):
                    _clientName = TraceJson.Text(client, "name") ?? _clientName;
                    _clientVersion = TraceJson.Text(client, "version") ?? _clientVersion;
                    return;
                case "tools/call" when id is not null:
                    if (parameters.ValueKind != JsonValueKind.Object || TraceJson.Text(parameters, "name") is not { } tool)
                    {
                        emitter.Error(record, $"tools/call {id} without a tool name");
                        return;
                    }
                    var call = new ToolCall
                    {
                        Tool = tool,
                        Server = server ?? _server,
                        Arguments = Has(parameters, "arguments", out var arguments) ? arguments.Clone() : default,
                        Session = session ?? defaultSession,
                        ClientName = _clientName,
                        ClientVersion = _clientVersion,
                        RequestId = id,
                        Started = time,
                    };
                    Add((id, direction), new Pending(call, record), done);
                    return;
                case "notifications/cancelled" when parameters.ValueKind == JsonValueKind.Object && TraceJson.Text(parameters, "requestId") is { } cancelled:
                    if (Take(cancelled, direction, mustBeReply: false) is { } pending)
                        done.Add(pending with { Call = pending.Call with { Ended = time, Result = ToolCallResult.FromText(true, "cancelled: " + (TraceJson.Text(parameters, "reason") ?? "")) } });
                    return;
                case null when id is not null:
                    Response(element, id, direction, time, done);
                    return;
            }
        }

        private void Response(JsonElement element, string id, string direction, DateTimeOffset? time, List<Pending> done)
        {
            var hasResult = Has(element, "result", out var result);
            var hasError = Has(element, "error", out var error);
            if (hasResult && result.ValueKind == JsonValueKind.Object && Has(result, "serverInfo", out var serverInfo))
            {
                _server ??= TraceJson.Text(serverInfo, "name");
                return;
            }
            // Only a tools/call result (content, isError, structuredContent) or an error answers a pending call: a
            // response to a server-initiated request may share the id.
            var toolResult = hasResult && result.ValueKind == JsonValueKind.Object
                && (Has(result, "content", out _) || Has(result, "isError", out _) || Has(result, "structuredContent", out _));
            if (!toolResult && !hasError)
                return;
            if (Take(id, direction, mustBeReply: true) is not { } pending)
                return;
            var outcome = hasError ? ToolCallResult.FromJsonRpcError(error) : ToolCallResult.FromMcpResult(result);
            done.Add(pending with { Call = pending.Call with { Ended = time, Result = outcome, Server = pending.Call.Server ?? _server } });
        }

        private void Add((string, string) key, Pending pending, List<Pending> done)
        {
            if (_pending.ContainsKey(key))
            {
                // The same id again before a response: the earlier request will not be answered as far as we can tell.
                if (_pending.Remove(key, out var earlier))
                    done.Add(earlier);
            }
            _pending[key] = pending;
            _order.Enqueue(key);
            while (_pending.Count > MaxPending && _order.TryDequeue(out var oldest))
            {
                if (_pending.Remove(oldest, out var evicted))
                    done.Add(evicted);
            }
        }

        // The pending request a message answers: same id, opposite direction when directions are recorded.
        private Pending? Take(string id, string direction, bool mustBeReply)
        {
            var requestDirection = direction switch
            {
                "in" => mustBeReply ? "out" : "in",
                "out" => mustBeReply ? "in" : "out",
                _ => "",
            };
            if (_pending.Remove((id, requestDirection), out var pending) || _pending.Remove((id, ""), out pending))
                return pending;
            return null;
        }

        private static bool IsJsonRpc(JsonElement element) =>
            Has(element, "jsonrpc", out _) || Has(element, "method", out _)
            || (Has(element, "id", out _) && (Has(element, "result", out _) || Has(element, "error", out _)));

        private static bool Unwrap(JsonElement wrapper, out JsonElement message, out JsonDocument? owned)
        {
            owned = null;
            foreach (var key in WrapperKeys)
            {
                if (!Has(wrapper, key, out var value))
                    continue;
                if (value.ValueKind == JsonValueKind.Object)
                {
                    message = value;
                    return true;
                }
                if (value.ValueKind == JsonValueKind.String)
                {
                    try
                    {
                        owned = JsonDocument.Parse(value.GetString() ?? "");
                        message = owned.RootElement;
                        return true;
                    }
                    catch (JsonException)
                    {
                        // not a message
                    }
                }
            }
            message = default;
            return false;
        }

        // "in" (towards the server: client → server) or "out" (server → client), or "" when not recorded.
        private static string Direction(JsonElement meta)
        {
            if (meta.ValueKind != JsonValueKind.Object)
                return "";
            var text = TraceJson.Text(meta, "direction", "dir", "from", "source", "sender")?.ToLowerInvariant() ?? "";
            if (text.Contains("client->server", StringComparison.Ordinal) || text.Contains("client_to_server", StringComparison.Ordinal)
                || text is "send" or "sent" or "in" or "inbound" or "request" or "client" or "c2s" or ">" or "->")
                return "in";
            if (text.Contains("server->client", StringComparison.Ordinal) || text.Contains("server_to_client", StringComparison.Ordinal)
                || text is "recv" or "received" or "out" or "outbound" or "response" or "server" or "s2c" or "<" or "<-")
                return "out";
            return "";
        }
    }
}
