using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Agents.Targets;
using Parry.Core.Actors;
using Parry.Core.Events;

namespace Parry.Agents.Events;

/// <summary>
/// Turns a <see cref="ToolCall"/> and what <see cref="ToolCallAnalyzer"/> makes of it into a Parry
/// <see cref="Event"/> (source kind <c>mcp</c>, log source <c>{product: mcp, category: tool_call}</c>): the call as
/// recorded, its arguments as a nested object (so <c>arguments.command</c> works), and the derived fields of
/// <see cref="ToolCallFields"/>. The event time is the call's start; its actor is the session.
/// </summary>
/// <remarks>Holds a reusable <see cref="EventBuilder"/>: one factory per stream or thread. Input beyond
/// <see cref="EventLimits"/> throws <see cref="EventTooLargeException"/> for the caller to report.</remarks>
public sealed class ToolCallEventFactory(FieldTable fields, ToolCallAnalyzer? analyzer = null, EventLimits? limits = null)
{
    public const string SourceKind = "mcp";

    private readonly EventBuilder _builder = new(limits);
    private readonly ToolCallAnalyzer _analyzer = analyzer ?? ToolCallAnalyzer.Default;

    // Reused for the distinct values of one list (target hosts, a finding's tactics): no LINQ iterators per call.
    private readonly List<string> _distinct = [];

    // Argument names and string values decoded from the call's UTF-8 here, not as a string each (see Utf16).
    private char[] _chars = new char[256];
    private string? _actorsSession;
    private IReadOnlyList<Actor>? _actors;

    // Room left past a judged event's text for the outcome its record adds (CreateEnded writes it there instead of
    // copying the judged text): two times, a duration, a decision and a short result fit; a longer outcome is copied.
    private const int OutcomeRoom = 256;

    public FieldTable Fields { get; } = fields;

    public Event Create(ToolCall call, EventOrigin origin) => Create(call, _analyzer.Analyze(call), origin);

    public Event Create(ToolCall call, ToolCallAnalysis analysis, EventOrigin origin) => Create(call, analysis, origin, out _);

    /// <summary>As <see cref="Create(ToolCall, ToolCallAnalysis, EventOrigin)"/>, saying where its parts lie, so that
    /// the event of the same call once ended can be made from this one (<see cref="CreateEnded"/>).</summary>
    public Event Create(ToolCall call, ToolCallAnalysis analysis, EventOrigin origin, out ToolCallEventLayout layout)
    {
        var b = _builder;
        b.Reset();
        b.StartObject();
        WriteRequest(call);
        var requestEnd = b.NodeCount;
        WriteOutcome(call);
        var analysisStart = b.NodeCount;
        WriteAnalysis(analysis);
        b.EndObject();
        layout = new ToolCallEventLayout(requestEnd, analysisStart);
        return Build(call, origin, OutcomeRoom);
    }

    /// <summary>
    /// The event of <paramref name="call"/> — the call <paramref name="requested"/> was made from, now with its
    /// decision, result and times — made by copying the request's and the analysis's nodes from
    /// <paramref name="requested"/> instead of writing them again. The caller guarantees that the call's server, tool,
    /// session, client, request id and arguments are those <paramref name="requested"/> was made from, and that its
    /// analysis is the same; the event is then node for node the one <see cref="Create(ToolCall, ToolCallAnalysis,
    /// EventOrigin)"/> would make.
    /// </summary>
    public Event CreateEnded(ToolCall call, Event requested, ToolCallEventLayout layout, EventOrigin origin)
    {
        var b = _builder;
        b.Reset();
        // The record's text is the judged text and its outcome: written past the judged event's, sharing its arena.
        b.ContinueArena(requested, OutcomeLength(call));
        b.StartObject();
        b.CopyMembers(requested, 1, layout.RequestEnd);
        WriteOutcome(call);
        b.CopyMembers(requested, layout.AnalysisStart, requested.NodeCount);
        b.EndObject();
        return Build(call, origin);
    }

    // At most the characters WriteOutcome writes: names, values, 28 per time ('O' of a UTC time), 24 for the duration.
    private static long OutcomeLength(ToolCall call)
    {
        long length = 0;
        if (call.Result is { } result)
            length += "resultis_errorfalsetext".Length + (result.Text?.Length ?? 0) + (result.Truncated ? "truncatedtrue".Length : 0);
        if (call.Decision is { } decision)
            length += "decisionactionrulereason".Length + decision.Action.Length + (decision.Rule?.Length ?? 0) + (decision.Reason?.Length ?? 0);
        if (call.Started is not null)
            length += "start_time".Length + 28;
        if (call.Ended is not null)
            length += "end_time".Length + 28 + "duration_ms".Length + 24;
        return length;
    }

    private Event Build(ToolCall call, EventOrigin origin, int room = 0)
    {
        var @event = _builder.Build(Fields, origin, SourceKind, call.Started, room);
        if (!string.IsNullOrEmpty(call.Session))
            @event.Actors = ActorsOf(call.Session);
        return @event;
    }

    // A session's calls come in runs: its events share one read-only list of its actor instead of one list each.
    private IReadOnlyList<Actor> ActorsOf(string session)
    {
        if (_actors is null || !string.Equals(session, _actorsSession, StringComparison.Ordinal))
        {
            _actorsSession = session;
            _actors = [new Actor(ActorKind.Session, session)];
        }
        return _actors;
    }

    private void WriteRequest(ToolCall call)
    {
        var b = _builder;
        Text("server", call.Server);
        Text("tool", call.Tool);
        Text("session", call.Session);
        if (call.ClientName is not null || call.ClientVersion is not null)
        {
            b.PropertyName("client");
            b.StartObject();
            Text("name", call.ClientName);
            Text("version", call.ClientVersion);
            b.EndObject();
        }
        Text("request_id", call.RequestId);
        if (call.Arguments.ValueKind != JsonValueKind.Undefined)
        {
            b.PropertyName("arguments");
            WriteJson(call.Arguments);
        }
    }

    // The result, the decision and the times: what the record of an ended call adds to the call as judged.
    private void WriteOutcome(ToolCall call)
    {
        var b = _builder;
        if (call.Result is { } result)
        {
            b.PropertyName("result");
            b.StartObject();
            b.PropertyName("is_error");
            b.Boolean(result.IsError);
            Text("text", result.Text);
            if (result.Truncated)
            {
                b.PropertyName("truncated");
                b.Boolean(true);
            }
            b.EndObject();
        }
        if (call.Decision is { } decision)
        {
            b.PropertyName("decision");
            b.StartObject();
            Text("action", decision.Action);
            Text("rule", decision.Rule);
            Text("reason", decision.Reason);
            b.EndObject();
        }
        Time("start_time", call.Started);
        Time("end_time", call.Ended);
        if (call.Started is { } started && call.Ended is { } ended && ended >= started)
        {
            b.PropertyName("duration_ms");
            b.Float((ended - started).TotalMilliseconds);
        }
    }

    private void WriteAnalysis(ToolCallAnalysis analysis)
    {
        var b = _builder;
        b.PropertyName("command");
        b.StartObject();
        List("line", analysis.CommandLines);
        List("programs", analysis.Programs);
        List("tools", analysis.Tools);
        List("categories", analysis.Categories);
        _distinct.Clear();
        // Index loops over the analysis's read-only lists: a foreach through the interface boxes an enumerator.
        for (var i = 0; i < analysis.Findings.Count; i++)
            _distinct.Add(analysis.Findings[i].Id);
        List("recognised", _distinct);
        b.PropertyName("offensive");
        b.Boolean(analysis.IsOffensive);
        if (analysis.Truncated)
        {
            b.PropertyName("truncated");
            b.Boolean(true);
        }
        b.EndObject();

        if (analysis.Targets.Count > 0 || analysis.Urls.Count > 0 || analysis.Ports.Count > 0)
        {
            b.PropertyName("target");
            b.StartObject();
            List("hosts", TargetValues(analysis.Targets, TargetKind.Host));
            List("ips", TargetValues(analysis.Targets, TargetKind.Ip));
            List("cidrs", TargetValues(analysis.Targets, TargetKind.Cidr));
            List("urls", analysis.Urls);
            if (analysis.Ports.Count > 0)
            {
                b.PropertyName("ports");
                b.StartArray();
                foreach (var port in analysis.Ports)
                {
                    if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                        b.Integer(number);
                    else
                        b.String(port);
                }
                b.EndArray();
            }
            _distinct.Clear();
            for (var i = 0; i < analysis.Targets.Count; i++)
                AddDistinct(analysis.Targets[i].Class.Name());
            List("classes", _distinct);
            b.EndObject();
        }
        Group("http", "methods", analysis.HttpMethods);
        Group("sql", "probes", analysis.SqlProbes);
        if (analysis.SensitivePaths.Count > 0)
        {
            b.PropertyName("file");
            b.StartObject();
            List("paths", analysis.SensitivePaths);
            List("sensitive", analysis.SensitiveKinds);
            b.EndObject();
        }
        if (analysis.Tactics.Count > 0 || analysis.Techniques.Count > 0)
        {
            b.PropertyName("attack");
            b.StartObject();
            List("tactics", analysis.Tactics);
            List("techniques", analysis.Techniques);
            b.EndObject();
        }
        if (analysis.Findings.Count > 0)
        {
            b.PropertyName("findings");
            b.StartArray();
            for (var f = 0; f < analysis.Findings.Count; f++)
            {
                var finding = analysis.Findings[f];
                b.StartObject();
                Text("id", finding.Id);
                Text("category", finding.Category);
                b.PropertyName("offensive");
                b.Boolean(finding.Offensive);
                _distinct.Clear();
                for (var i = 0; i < finding.Attack.Count; i++)
                    AddDistinct(finding.Attack[i].Tactic);
                List("tactics", _distinct);
                _distinct.Clear();
                for (var i = 0; i < finding.Attack.Count; i++)
                    AddDistinct(finding.Attack[i].Technique);
                List("techniques", _distinct);
                Text("evidence", finding.Evidence);
                b.EndObject();
            }
            b.EndArray();
        }
    }

    private void Group(string name, string listName, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
            return;
        _builder.PropertyName(name);
        _builder.StartObject();
        List(listName, items);
        _builder.EndObject();
    }

    private List<string> TargetValues(IReadOnlyList<Target> targets, TargetKind kind)
    {
        _distinct.Clear();
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i].Kind == kind)
                AddDistinct(targets[i].Value);
        }
        return _distinct;
    }

    // In the order first seen, as Enumerable.Distinct gives them; lists here are a handful of items long.
    private void AddDistinct(string value)
    {
        foreach (var seen in _distinct)
        {
            if (string.Equals(seen, value, StringComparison.Ordinal))
                return;
        }
        _distinct.Add(value);
    }

    private void List(string name, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
            return;
        _builder.PropertyName(name);
        _builder.StartArray();
        for (var i = 0; i < items.Count; i++)
            _builder.String(items[i]);
        _builder.EndArray();
    }

    private void Text(string name, string? value)
    {
        if (value is null)
            return;
        _builder.PropertyName(name);
        _builder.String(value);
    }

    private void Time(string name, DateTimeOffset? time)
    {
        if (time is not { } value)
            return;
        Span<char> text = stackalloc char[40];
        // "O" of a UTC time is yyyy-MM-ddTHH:mm:ss.fffffffZ, written by the runtime's fixed fast path; the same text as
        // that custom pattern, which is interpreted anew for every time (several per call, on both threads).
        value.UtcDateTime.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture);
        _builder.PropertyName(name);
        _builder.String(text[..written]);
    }

    // The builder copies what it is given, so one reused buffer serves every name and value.
    private ReadOnlySpan<char> Utf16(ReadOnlySpan<byte> utf8)
    {
        var most = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (most > _chars.Length)
            _chars = new char[Math.Max(most, _chars.Length * 2)];
        var written = Encoding.UTF8.GetChars(utf8, _chars);
        return _chars.AsSpan(0, written);
    }

    private void WriteJson(JsonElement element)
    {
        var b = _builder;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                b.StartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var name = JsonMarshal.GetRawUtf8PropertyName(property);
                    if (name.IndexOf((byte)'\\') < 0)
                        b.PropertyName(Utf16(name));
                    else
                        b.PropertyName(property.Name); // escaped: let the reader unescape it
                    WriteJson(property.Value);
                }
                b.EndObject();
                break;
            case JsonValueKind.Array:
                b.StartArray();
                foreach (var item in element.EnumerateArray())
                    WriteJson(item);
                b.EndArray();
                break;
            case JsonValueKind.String:
                // The raw token with its quotes; without a backslash it holds exactly the value's characters.
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' && raw.IndexOf((byte)'\\') < 0)
                    b.String(Utf16(raw[1..^1]));
                else
                    b.String(element.GetString());
                break;
            case JsonValueKind.Number:
                b.Number(element.GetRawText());
                break;
            case JsonValueKind.True:
                b.Boolean(true);
                break;
            case JsonValueKind.False:
                b.Boolean(false);
                break;
            default:
                b.Null();
                break;
        }
    }
}
