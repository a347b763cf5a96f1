using System.Text;
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

        using var output = new MemoryStream();
        using (var sink = new JsonlHuntSink(output))
        {
            foreach (var d in detections)
                sink.Detection(d);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(detections.Select(Alone));
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
