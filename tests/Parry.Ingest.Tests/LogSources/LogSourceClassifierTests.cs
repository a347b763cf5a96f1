using Parry.Core.Actors;
using Parry.Core.Events;
using Parry.Ingest.LogSources;
using Parry.TestSupport;

namespace Parry.Ingest.Tests.LogSources;

public class LogSourceClassifierTests
{
    private static string WindowsEvent(string channel, int eventId, string eventData) =>
        "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"P\"}},\"EventID\":" + eventId
        + ",\"Channel\":\"" + channel + "\",\"Computer\":\"ws1.example.test\"},\"EventData\":{" + eventData + "}}}";

    private static (LogSourceClassifier<EntrySet> Classifier, FieldTable Fields) Build(LogSourceMap map)
    {
        var fields = new FieldTableBuilder();
        var classifier = new LogSourceClassifier<EntrySet>(map, fields, set => set);
        return (classifier, fields.Build());
    }

    private static string[] Names(EntrySet set) => [.. set.Entries.Select(e => e.Name)];

    [Theory]
    [InlineData("Microsoft-Windows-Sysmon/Operational")]
    [InlineData("Security")]
    [InlineData("System")]
    [InlineData("Microsoft-Windows-PowerShell/Operational")]
    public void Every_entry_whose_conditions_an_event_meets_holds_and_no_other(string channel)
    {
        // The classifier checks only the entries dispatched on one of the event's values; whichever condition an
        // entry is dispatched on, the entries that hold must be exactly those a check of every entry finds.
        var map = LogSourceMap.Load();
        var (classifier, fields) = Build(map);
        for (var eventId = 0; eventId <= 30; eventId++)
        {
            foreach (var id in (int[])[eventId, 4600 + eventId, 4688, 7045, 4104])
            {
                var e = JsonEvents.FromJson(WindowsEvent(channel, id, "\"Image\":\"C:\\\\x.exe\""), fields);
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Channel"] = channel, ["EventID"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Provider_Name"] = "P", ["Computer"] = "ws1.example.test", ["Image"] = "C:\\x.exe",
                };
                var expected = map.Entries.Where(entry => entry.When.All(c => c.IsKind
                        ? c.Values.Contains(e.SourceKind, StringComparer.OrdinalIgnoreCase)
                        : seen.TryGetValue(c.Field, out var value) && (c.AnyValue || c.Values.Contains(value, StringComparer.OrdinalIgnoreCase))))
                    .Select(entry => entry.Name);
                Names(classifier.Classify(e)).ShouldBe(expected, ignoreOrder: true, $"{channel} {id}");
            }
        }
    }

    [Fact]
    public void The_shipped_mapping_loads()
    {
        var map = LogSourceMap.Load();
        map.Entries.Count.ShouldBeGreaterThan(80);
        map.Entries.ShouldContain(e => e.Name == "process_creation-security");
    }

    [Fact]
    public void A_sysmon_process_creation_event_belongs_to_process_creation_sysmon_and_windows()
    {
        var (classifier, fields) = Build(LogSourceMap.Load());
        var e = JsonEvents.FromJson(WindowsEvent("Microsoft-Windows-Sysmon/Operational", 1, "\"Image\":\"C:\\\\x.exe\",\"User\":\"CORP\\\\alice\""), fields);
        var names = Names(classifier.Classify(e));
        names.ShouldContain("process_creation-sysmon");
        names.ShouldContain("windows-sysmon");
        names.ShouldContain("windows");
        names.ShouldNotContain("registry_set-sysmon");
        names.ShouldNotContain("process_creation-security");
    }

    [Fact]
    public void Security_4688_is_process_creation_with_its_own_field_names()
    {
        var map = LogSourceMap.Load();
        var (classifier, fields) = Build(map);
        var e = JsonEvents.FromJson(WindowsEvent("Security", 4688, "\"NewProcessName\":\"C:\\\\x.exe\""), fields);
        var set = classifier.Classify(e);
        var entry = set.Entries.Single(x => x.LogSource.Category == "process_creation");
        entry.MapField("Image").ShouldBe(["NewProcessName"]);
        entry.MapField("CommandLine").ShouldBe(["CommandLine"]);
    }

    [Fact]
    public void Another_providers_event_is_not_process_creation_even_with_the_same_field_names()
    {
        var (classifier, fields) = Build(LogSourceMap.Load());
        var e = JsonEvents.FromJson(WindowsEvent("Microsoft-Windows-Sysmon/Operational", 11, "\"Image\":\"C:\\\\x.exe\",\"CommandLine\":\"x\""), fields);
        Names(classifier.Classify(e)).ShouldNotContain(n => n.StartsWith("process_creation", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_are_served_by_entries_that_are_at_least_as_specific()
    {
        var map = LogSourceMap.Load();
        var serving = map.EntriesServing(LogSourceKey.Of("windows", "process_creation", null)).Select(i => map.Entries[i].Name).ToList();
        serving.ShouldBe(["process_creation-sysmon", "process_creation-security"], ignoreOrder: true);
        var productOnly = map.EntriesServing(LogSourceKey.Of("windows", null, null));
        productOnly.Count.ShouldBe(map.Entries.Count(e => e.LogSource.Product == "windows"));
        map.EntriesServing(LogSourceKey.Of("windows", null, "security")).Select(i => map.Entries[i].Name).ShouldBe(["windows-security"]);
    }

    [Fact]
    public void Events_of_one_shape_share_one_selection_and_carry_their_actors()
    {
        var (classifier, fields) = Build(LogSourceMap.Load());
        var a = JsonEvents.FromJson(WindowsEvent("Security", 4625, "\"IpAddress\":\"203.0.113.9\",\"TargetUserName\":\"admin\",\"SubjectUserName\":\"-\""), fields);
        var b = JsonEvents.FromJson(WindowsEvent("Security", 4625, "\"IpAddress\":\"198.51.100.2\""), fields);
        var set = classifier.Classify(a);
        classifier.Classify(b).ShouldBeSameAs(set);
        set.ActorsOf(a).ShouldBe([new Actor(ActorKind.Ip, "203.0.113.9"), new Actor(ActorKind.User, "admin"), new Actor(ActorKind.Host, "ws1.example.test")]);
    }

    [Fact]
    public void Kind_conditions_select_by_decoder()
    {
        var map = LogSourceMap.FromText(("t.yml", """
            sources:
              - name: web
                logsource: {category: webserver}
                when: {_kind: webserver}
                actors: [{kind: ip, field: c-ip}]
            """));
        var (classifier, fields) = Build(map);
        var web = JsonEvents.FromJson("""{"c-ip":"203.0.113.5"}""", fields, sourceKind: "webserver");
        var other = JsonEvents.FromJson("""{"c-ip":"203.0.113.5"}""", fields);
        Names(classifier.Classify(web)).ShouldBe(["web"]);
        classifier.Classify(other).IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("sources:\n  - name: a\n    logsource: {product: x}\n    when: {a: 1}\n    colour: red\n", 5, "unknown key 'colour'")]
    [InlineData("sources:\n  - name: a\n    logsource: {product: x}\n", 2, "needs a non-empty 'when'")]
    [InlineData("sources:\n  - name: a\n    logsource: {}\n    when: {a: 1}\n", 3, "empty logsource")]
    [InlineData("sources:\n  - name: a\n    logsource: {product: x}\n    when: {a: 1}\n    actors: [{kind: robot, field: f}]\n", 5, "unknown actor kind 'robot'")]
    [InlineData("sources: [\n", 2, "not valid YAML")]
    [InlineData("sources:\n  - name: a\n    logsource: {product: x}\n    when: {a: 1}\n  - name: A\n    logsource: {product: y}\n    when: {a: 1}\n", 5, "already defined")]
    public void Broken_mappings_are_rejected_with_file_and_line(string text, int line, string reason)
    {
        var error = Should.Throw<LogSourceMapException>(() => LogSourceMap.FromText(("m.yml", text)));
        error.File.ShouldBe("m.yml");
        error.Line.ShouldBe(line);
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void An_event_like_one_classified_before_gets_the_set_it_would_get_afresh()
    {
        // One classifier remembers recent events' sets; another, new for every event, classifies each afresh. Events
        // repeat shapes with other values, the same values in another case, a list where a value was, a field more
        // or less, and another decoder's kind: every set must be the one found afresh.
        var map = LogSourceMap.Load();
        var (remembering, fields) = Build(map);
        string[] channels = ["Security", "security", "Microsoft-Windows-Sysmon/Operational", "System", "Application"];
        int[] ids = [1, 3, 4688, 4624, 7045, 4104];
        string[] data = ["\"Image\":\"C:\\\\x.exe\"", "\"Image\":[\"a\",\"b\"]", "", "\"User\":\"u\",\"Image\":\"y\""];
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var json = WindowsEvent(channels[random.Next(channels.Length)], ids[random.Next(ids.Length)], data[random.Next(data.Length)]);
            if (random.Next(4) == 0)
                json = json.Replace("\"EventID\":", "\"EventID\":[", StringComparison.Ordinal).Replace(",\"Channel\"", "],\"Channel\"", StringComparison.Ordinal);
            var kind = random.Next(5) == 0 ? "json" : "evtx";
            var e = JsonEvents.FromJson(json, fields, sourceKind: kind);
            var fresh = new LogSourceClassifier<EntrySet>(map, new FieldTableBuilder(), set => set);
            Names(remembering.Classify(e)).ShouldBe(Names(fresh.Classify(e)), $"{kind} {json}");
        }
    }
}
