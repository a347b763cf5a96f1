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
/// SWE-agent trajectories (<c>.traj</c>): one JSON object whose <c>trajectory</c> lists the agent's steps — each
/// <c>action</c> a command it ran in its shell, with the <c>observation</c> it got back. A step is a call of the
/// tool <c>bash</c> on server <c>swe-agent</c>, record = its 1-based index. A command written with an
/// <c>end_of_…</c> terminated body (SWE-agent's <c>edit</c>) has the body as <c>arguments.text</c>. Files with only
/// a <c>history</c> (function calling) are read from its assistant messages, using their structured tool calls when
/// present. The session is the file's path; trajectories carry no times.
/// </summary>
public sealed class SweAgentTrajectoryFormat(ToolCallAnalyzer? analyzer = null) : IInputFormat
{
    public const string Server = "swe-agent";
    private const int MaxHistoryCalls = 100_000;

    public string Name => "swe-agent-traj";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        if (TraceProbe.FirstSignificant(head) != (byte)'{')
            return 0;
        var extension = fileName.EndsWith(".traj", StringComparison.OrdinalIgnoreCase);
        var trajectory = TraceProbe.Contains(head, "\"trajectory\"") && TraceProbe.Contains(head, "\"action\"");
        var history = TraceProbe.Contains(head, "\"history\"") && TraceProbe.Contains(head, "\"message_type\"");
        if (trajectory || history)
            return extension ? 95 : 90;
        return extension ? 60 : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        var emitter = new ToolCallEmitter(source, context, analyzer);
        using var stream = source.Open();
        using var json = new JsonPropertyStream(stream, context.MaxRecordBytes);
        var sawTrajectory = false;
        var fromHistory = new HistoryCalls();
        foreach (var piece in json.Read(name => name == "trajectory" || (name == "history" && !sawTrajectory) ? PropertyAction.EachElement : PropertyAction.Skip))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            using (piece)
            {
                var record = piece.Element + 1;
                if (piece.Document is null)
                {
                    emitter.Error(piece.Property == "trajectory" ? record : null, piece.Error ?? "unreadable value");
                    continue;
                }
                if (piece.Property == "trajectory")
                {
                    sawTrajectory = true;
                    var call = Step(piece.Document.RootElement, emitter, record);
                    if (call is not null && emitter.Emit(call, record) is { } e)
                        yield return e;
                }
                else if (!sawTrajectory)
                {
                    fromHistory.Add(piece.Document.RootElement, record, emitter);
                }
            }
        }
        // Without a trajectory, the history is the record of what was run.
        if (sawTrajectory)
            yield break;
        foreach (var (call, record) in fromHistory.Calls)
        {
            if (emitter.Emit(call, record) is { } e)
                yield return e;
        }
    }

    private static ToolCall? Step(JsonElement step, ToolCallEmitter emitter, long record)
    {
        if (step.ValueKind != JsonValueKind.Object || !Has(step, "action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            emitter.Error(record, "trajectory step without a string 'action'");
            return null;
        }
        var observation = TraceJson.Text(step, "observation");
        return new ToolCall
        {
            Tool = "bash",
            Server = Server,
            Arguments = CommandArguments(action.GetString() ?? ""),
            Result = observation is null ? null : ToolCallResult.FromText(false, observation),
        };
    }

    /// <summary><c>{"command": …}</c>, with an <c>end_of_…</c>-terminated body split off as <c>text</c>.</summary>
    internal static JsonElement CommandArguments(string action)
    {
        var trimmed = action.TrimEnd('\n', '\r', ' ');
        var firstNewline = trimmed.IndexOf('\n');
        var lastNewline = trimmed.LastIndexOf('\n');
        string command = trimmed;
        string? body = null;
        if (firstNewline > 0 && lastNewline >= firstNewline)
        {
            var lastLine = trimmed[(lastNewline + 1)..].Trim();
            if (lastLine.StartsWith("end_of_", StringComparison.Ordinal) && lastLine.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                command = trimmed[..firstNewline].TrimEnd('\r');
                body = lastNewline > firstNewline ? trimmed[(firstNewline + 1)..lastNewline] : "";
            }
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            if (body is not null)
                writer.WriteString("text", body);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Calls read from <c>history</c>: assistant actions, with their results from the tool messages that
    /// follow.</summary>
    private sealed class HistoryCalls
    {
        private readonly Dictionary<string, int> _byCallId = new(StringComparer.Ordinal);
        private int _lastAction = -1;

        public List<(ToolCall Call, long Record)> Calls { get; } = [];

        public void Add(JsonElement message, long record, ToolCallEmitter emitter)
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                emitter.Error(null, $"history entry {record} is not an object");
                return;
            }
            var role = TraceJson.Text(message, "role");
            if (role == "assistant" && TraceJson.Text(message, "action") is { } action && Calls.Count < MaxHistoryCalls)
            {
                var call = new ToolCall { Tool = "bash", Server = Server, Arguments = CommandArguments(action) };
                if (Has(message, "tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array
                    && toolCalls.GetArrayLength() == 1 && Has(toolCalls[0], "function", out var function)
                    && TraceJson.Text(function, "name") is { } name)
                {
                    call = call with
                    {
                        Tool = name,
                        Arguments = Has(function, "arguments", out var arguments) ? TraceJson.Arguments(arguments) : default,
                        RequestId = TraceJson.Text(toolCalls[0], "id"),
                    };
                    if (call.RequestId is { } id)
                        _byCallId[id] = Calls.Count;
                }
                _lastAction = Calls.Count;
                Calls.Add((call, record));
                return;
            }
            if ((role == "tool" || TraceJson.Text(message, "message_type") == "observation") && _lastAction >= 0 && TraceJson.Text(message, "content") is { } content)
            {
                var index = _lastAction;
                if (Has(message, "tool_call_ids", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0
                    && TraceJson.ScalarText(ids[0]) is { } id && _byCallId.TryGetValue(id, out var known))
                    index = known;
                var (call, callRecord) = Calls[index];
                if (call.Result is null)
                    Calls[index] = (call with { Result = ToolCallResult.FromText(false, content) }, callRecord);
            }
        }
    }
}
