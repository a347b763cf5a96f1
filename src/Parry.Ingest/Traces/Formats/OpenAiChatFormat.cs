using System.Text;
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
/// OpenAI chat-completions logs, one JSON object per line: requests (<c>{"model", "messages": […]}</c>), responses
/// (<c>{"object": "chat.completion", "choices": […]}</c>), request/response pairs (<c>{"request": …, "response":
/// …}</c>) and batch files (<c>{"body": …}</c>, <c>{"response": {"body": …}}</c>). Tool calls are the
/// <c>tool_calls</c> of assistant messages (<c>function.name</c>, <c>function.arguments</c> as a JSON string; the
/// legacy <c>function_call</c> too); results are the <c>role: tool</c> messages with the same <c>tool_call_id</c>.
/// A conversation logged request by request repeats its history: each call is emitted once (by id), when its result
/// is seen or at the end. Record = the line the call first appears on; time = the response's <c>created</c> or the
/// line's timestamp; session = a session, conversation or thread id the line names, else the file's path.
/// </summary>
public sealed class OpenAiChatFormat(ToolCallAnalyzer? analyzer = null) : IInputFormat
{
    public const int MaxPending = 4096;
    private const int MaxRemembered = 200_000;

    public string Name => "openai-chat";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        if (TraceProbe.FirstSignificant(head) != (byte)'{')
            return 0;
        // SWE-agent trajectories hold chat histories too; their own reader knows them better.
        if (TraceProbe.Contains(head, "\"message_type\"") || TraceProbe.Contains(head, "\"trajectory\""))
            return 0;
        var chat = TraceProbe.Contains(head, "\"chat.completion\"")
            || (TraceProbe.Contains(head, "\"messages\"") && TraceProbe.Contains(head, "\"role\""))
            || TraceProbe.Contains(head, "\"choices\"");
        if (!chat)
            return 0;
        return TraceProbe.Contains(head, "\"tool_calls\"") || TraceProbe.Contains(head, "\"function_call\"") ? 85 : 70;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        var emitter = new ToolCallEmitter(source, context, analyzer);
        var state = new Conversations();
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
                var done = new List<Pending>();
                if (!state.Line(document.RootElement, lines.LineNumber, emitter.DefaultSession, done))
                    emitter.Error(lines.LineNumber, "no chat request or response on this line");
                foreach (var call in done)
                {
                    if (emitter.Emit(call.Call, call.Record) is { } e)
                        yield return e;
                }
            }
        }
        foreach (var call in state.Remaining())
        {
            if (emitter.Emit(call.Call, call.Record) is { } e)
                yield return e;
        }
    }

    private readonly record struct Pending(ToolCall Call, long Record);

    private sealed class Conversations
    {
        private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        /// <summary>Reads one line; false when it holds nothing chat-like.</summary>
        public bool Line(JsonElement root, long record, string defaultSession, List<Pending> done)
        {
            if (root.ValueKind != JsonValueKind.Object)
                return false;
            var session = Session(root) ?? defaultSession;
            var lineTime = TraceJson.Time(root, "timestamp", "time", "created_at", "ts", "@timestamp");
            var found = false;
            foreach (var request in Requests(root))
            {
                found = true;
                session = Session(request) ?? session;
                if (Has(request, "messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
                    Messages(messages, record, session, lineTime, done);
            }
            foreach (var response in Responses(root))
            {
                found = true;
                var created = TraceJson.Time(response, "created") ?? lineTime;
                if (!Has(response, "choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.ValueKind == JsonValueKind.Object && Has(choice, "message", out var message))
                        Assistant(message, record, session, created, done);
                }
            }
            return found;
        }

        public IEnumerable<Pending> Remaining()
        {
            while (_order.TryDequeue(out var id))
            {
                if (_pending.Remove(id, out var pending))
                    yield return pending;
            }
        }

        private static IEnumerable<JsonElement> Requests(JsonElement root)
        {
            if (Has(root, "messages", out _))
                yield return root;
            foreach (var name in (string[])["request", "body", "input"])
            {
                if (Has(root, name, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    if (Has(inner, "messages", out _))
                        yield return inner;
                    else if (Has(inner, "body", out var body) && body.ValueKind == JsonValueKind.Object && Has(body, "messages", out _))
                        yield return body;
                }
            }
        }

        private static IEnumerable<JsonElement> Responses(JsonElement root)
        {
            if (Has(root, "choices", out _))
                yield return root;
            foreach (var name in (string[])["response", "output", "completion"])
            {
                if (Has(root, name, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    if (Has(inner, "choices", out _))
                        yield return inner;
                    else if (Has(inner, "body", out var body) && body.ValueKind == JsonValueKind.Object && Has(body, "choices", out _))
                        yield return body;
                }
            }
        }

        private void Messages(JsonElement messages, long record, string session, DateTimeOffset? time, List<Pending> done)
        {
            string? lastLegacyCall = null;
            foreach (var message in messages.EnumerateArray())
            {
                switch (TraceJson.Text(message, "role"))
                {
                    case "assistant":
                        lastLegacyCall = Assistant(message, record, session, time, done);
                        break;
                    case "tool" when TraceJson.Text(message, "tool_call_id") is { } id:
                        Result(id, message, done);
                        break;
                    case "function" when lastLegacyCall is not null:
                        Result(lastLegacyCall, message, done);
                        break;
                }
            }
        }

        // Returns the key of a legacy function_call, which its "function" message answers.
        private string? Assistant(JsonElement message, long record, string session, DateTimeOffset? time, List<Pending> done)
        {
            if (message.ValueKind != JsonValueKind.Object)
                return null;
            if (Has(message, "tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
            {
                foreach (var toolCall in toolCalls.EnumerateArray())
                {
                    if (!Has(toolCall, "function", out var function) || TraceJson.Text(function, "name") is not { } name)
                        continue;
                    var arguments = Has(function, "arguments", out var a) ? a : default;
                    var id = TraceJson.Text(toolCall, "id") ?? Key(name, arguments);
                    Call(id, name, arguments, record, session, time, done);
                }
            }
            if (Has(message, "function_call", out var legacy) && TraceJson.Text(legacy, "name") is { } legacyName)
            {
                var arguments = Has(legacy, "arguments", out var a) ? a : default;
                var key = Key(legacyName, arguments);
                Call(key, legacyName, arguments, record, session, time, done);
                return key;
            }
            return null;
        }

        private void Call(string id, string name, JsonElement arguments, long record, string session, DateTimeOffset? time, List<Pending> done)
        {
            if (_seen.Contains(id))
                return;
            if (_seen.Count >= MaxRemembered)
                _seen.Clear(); // bounded memory: a very long log may then repeat a call it saw long ago
            _seen.Add(id);
            _pending[id] = new Pending(new ToolCall
            {
                Tool = name,
                Arguments = arguments.ValueKind == JsonValueKind.Undefined ? default : TraceJson.Arguments(arguments),
                RequestId = id,
                Session = session,
                Started = time,
            }, record);
            _order.Enqueue(id);
            while (_pending.Count > MaxPending && _order.TryDequeue(out var oldest))
            {
                if (_pending.Remove(oldest, out var evicted))
                    done.Add(evicted); // waited too long for a result
            }
        }

        private void Result(string id, JsonElement message, List<Pending> done)
        {
            if (!_pending.Remove(id, out var pending))
                return;
            var text = Content(message);
            done.Add(pending with { Call = pending.Call with { Result = ToolCallResult.FromText(false, text) } });
        }

        private static string? Content(JsonElement message)
        {
            if (!Has(message, "content", out var content))
                return null;
            if (content.ValueKind == JsonValueKind.String)
                return content.GetString();
            if (content.ValueKind != JsonValueKind.Array)
                return TraceJson.ScalarText(content);
            var text = new StringBuilder();
            foreach (var part in content.EnumerateArray())
            {
                if (TraceJson.Text(part, "text") is { } value)
                    text.Append(text.Length > 0 ? "\n" : "").Append(value);
            }
            return text.ToString();
        }

        private static string Key(string name, JsonElement arguments) =>
            name + "\u0000" + (arguments.ValueKind == JsonValueKind.Undefined ? "" : arguments.ValueKind == JsonValueKind.String ? arguments.GetString() : arguments.GetRawText());

        private static string? Session(JsonElement element)
        {
            var direct = TraceJson.Text(element, "session_id", "sessionId", "conversation_id", "thread_id");
            if (direct is not null)
                return direct;
            return TraceJson.TryGet(element, out var metadata, "metadata") ? TraceJson.Text(metadata, "session_id", "sessionId", "conversation_id", "session", "thread_id") : null;
        }
    }
}
