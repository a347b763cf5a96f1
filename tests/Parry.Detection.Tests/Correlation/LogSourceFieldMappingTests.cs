using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>Group-by fields translated by the log-source map of each correlated rule, so a correlation reads the
/// field the rule's source calls it.</summary>
public class LogSourceFieldMappingTests
{
    private const string Map = """
        sources:
          - name: process_creation-security
            logsource:
              product: windows
              category: process_creation
            when:
              EventID: 4688
            fields:
              User: SubjectUserName
        """;

    private const string Rules = """
        title: two process starts by one user
        correlation:
            type: event_count
            rules: [started]
            group-by: [User]
            timespan: 1m
            condition:
                gte: 2
        ---
        title: started
        id: started-id
        name: started
        logsource: {product: windows, category: process_creation}
        detection: {selection: {EventID: 4688}, condition: selection}
        """;

    [Fact]
    public void The_mapped_field_is_read()
    {
        var loaded = SigmaLoader.LoadText(Rules, "rules.yml");
        loaded.Rejected.ShouldBeEmpty();
        var map = LogSourceMap.FromText(("map.yml", Map));
        new LogSourceFieldMapping(map).Map(loaded.Rules[0], "User").ShouldBe(["SubjectUserName"]);
        new LogSourceFieldMapping(map).Map(loaded.Rules[0], "Image").ShouldBe(["Image"]);

        var builder = new FieldTableBuilder();
        var set = CorrelationSet.Compile(loaded.Correlations, builder, new LogSourceFieldMapping(map));
        var fields = builder.Build();
        var run = set.StartRun(new CorrelationOptions { Lateness = TimeSpan.Zero });
        var output = new List<Detection>();
        for (var i = 0; i < 2; i++)
        {
            var e = JsonEvents.FromJson("""{"EventID":4688,"SubjectUserName":"alice"}""", fields, record: i + 1);
            e.Timestamp = new DateTimeOffset(2024, 5, 1, 0, 0, i, TimeSpan.Zero);
            run.Observe(new Detection(loaded.Rules[0].Info, e, null), output);
        }
        run.Flush(output);
        output.ShouldHaveSingleItem().GroupBy.ShouldBe([new KeyValuePair<string, string>("User", "alice")]);
    }
}
