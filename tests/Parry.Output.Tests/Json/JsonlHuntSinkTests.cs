using System.Text;
using Parry.Core.Actors;
using Parry.Core.Detections;
using Parry.Core.Events;
using Parry.Output.Json;
using Parry.TestSupport;

namespace Parry.Output.Tests.Json;

public class JsonlHuntSinkTests
{
    private static readonly RuleInfo First = new("r-1", "First", Level.High, ["attack.execution"]);
    private static readonly RuleInfo Second = new("r-2", "Second", Level.Low, []);

    [Fact]
    public void Detections_of_the_same_event_in_a_row_are_written_as_each_would_be_alone()
    {
        // Non-ASCII, a backslash and a number: what the relaxed escaping and the raw number path write.
        var a = JsonEvents.FromJson("""{"Image": "C:\\Windows\\cmd.exe", "User": "Zoë <admin>", "Pid": 4242}""", FieldTable.Empty);
        var b = JsonEvents.FromJson("""{"Image": "/usr/bin/curl", "Args": ["-s", "http://example.test/?q=\"x\""]}""", FieldTable.Empty);
        Core.Detections.Detection[] detections =
        [
            new(First, a, null), new(Second, a, null), new(First, b, null), new(Second, a, null), new(Second, a, null),
        ];

        Written(detections).ShouldBe(detections.Select(Alone));
    }

    [Fact]
    public void A_rules_part_rendered_once_gives_each_detection_the_line_it_would_get_alone()
    {
        // Escapes and non-ASCII in the rule's fields, timed events, detections with and without an actor, and a
        // correlation (its group-by, value and related detections come after the rule's part).
        var rule = new RuleInfo("r-\"3\"", "Zoë's \\ <rule>", Level.Critical, ["attack.execution", "attack.t1059.001", "attack.T1105", "cve.2021-44228"]);
        var a = JsonEvents.FromJson("""{"Image": "C:\\cmd.exe"}""", FieldTable.Empty);
        var b = JsonEvents.FromJson("""{"Image": "/bin/sh", "n": 1.5}""", FieldTable.Empty, record: 7);
        b.Timestamp = new DateTimeOffset(2026, 3, 14, 9, 12, 3, 412, TimeSpan.Zero);
        var plain = new Core.Detections.Detection(rule, a, new Actor(ActorKind.User, "zoë"));
        var correlation = new Core.Detections.Detection(Second, b, null)
        {
            Related = [plain, new Core.Detections.Detection(First, b, null)],
            GroupBy = [new("User", "zoë"), new("Host", "h\"1")],
            Aggregate = 2,
        };
        Core.Detections.Detection[] detections =
        [
            plain, new(rule, b, null), correlation, new(rule, a, new Actor(ActorKind.Ip, "203.0.113.7")), new(First, b, null), correlation,
        ];

        Written(detections).ShouldBe(detections.Select(Alone));
    }

    // The lines the sink writes for the detections, one after another.
    private static string[] Written(Core.Detections.Detection[] detections)
    {
        using var output = new MemoryStream();
        using (var sink = new JsonlHuntSink(output))
        {
            foreach (var d in detections)
                sink.Detection(d);
        }
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    // The line a detection gets when its event is rendered for it.
    private static string Alone(Core.Detections.Detection detection)
    {
        using var output = new MemoryStream();
        using (var lines = new JsonLinesWriter(output))
            lines.WriteLine(detection, static (w, d) => ResultJson.WriteDetection(w, d));
        return Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n');
    }
}
