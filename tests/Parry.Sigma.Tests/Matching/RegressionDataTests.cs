using Parry.Core.Events;
using Parry.Sigma.Matching;
using Parry.Sigma.Rules;
using Parry.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Tests.Matching;

/// <summary>
/// SigmaHQ's regression data: for each rule with recorded events (evtx_dump-shaped JSON), the engine alone (no
/// log-source index) must find at least the recorded number of matches.
/// </summary>
public class RegressionDataTests
{
    /// <summary>The cases with recorded tests (one info.yml has its only test, a raw log, commented out).</summary>
    public static TheoryData<string> Cases() =>
        new(InfoFiles().Where(f => Info(Path.Combine(Corpora.SigmaRegressionData, f)).Tests.Count > 0));

    private static IEnumerable<string> InfoFiles() =>
        Directory.EnumerateFiles(Corpora.SigmaRegressionData, "info.yml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Corpora.SigmaRegressionData, f));

    [Fact]
    public void All_202_cases_are_present()
    {
        InfoFiles().Count(c => Info(Path.Combine(Corpora.SigmaRegressionData, c)).Tests.Count > 0).ShouldBe(202);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recorded_events_match(string infoPath)
    {
        var (ruleId, tests) = Info(Path.Combine(Corpora.SigmaRegressionData, infoPath));
        var rule = SigmaCorpus.Rules.Rules.SingleOrDefault(r => r.Id == ruleId);
        rule.ShouldNotBeNull($"rule {ruleId} is not loaded");
        // Windows Defender's EventData names contain spaces ("Source Name"); events know them without the spaces,
        // as Sigma writes them (sigma-rules-specification, Field Usage 2), so no mapping is needed.
        var mapping = IdentityFieldMapping.Instance;
        foreach (var expected in tests)
        {
            var fields = new FieldTableBuilder();
            var compiled = SigmaCompiler.Compile(rule, mapping, fields);
            var table = fields.Build();
            var json = Path.ChangeExtension(Path.Combine(Corpora.Sigma, expected.EvtxPath), ".json");
            var events = JsonEvents.ReadFile(json, table);
            events.ShouldNotBeEmpty();
            var matched = events.Count(compiled.Matches);
            matched.ShouldBeGreaterThanOrEqualTo(expected.MatchCount, $"{rule.Title}: {matched} of {events.Count} events matched");

            var group = CompiledRuleGroup.Create([compiled]);
            var hits = new List<CompiledRule>();
            foreach (var e in events)
                group.Match(e, hits);
            hits.Count.ShouldBe(matched);
        }
    }

    private sealed record Expected(string EvtxPath, int MatchCount);

    private static (string RuleId, List<Expected> Tests) Info(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var metadata = (YamlSequenceNode)root["rule_metadata"];
        var ruleId = ((YamlScalarNode)((YamlMappingNode)metadata[0])["id"]).Value!;
        var tests = new List<Expected>();
        if (root.Children.TryGetValue(new YamlScalarNode("regression_tests_info"), out var node))
        {
            foreach (YamlMappingNode test in ((YamlSequenceNode)node).Children.Cast<YamlMappingNode>())
            {
                var count = test.Children.TryGetValue(new YamlScalarNode("match_count"), out var c) ? int.Parse(((YamlScalarNode)c).Value!) : 1;
                tests.Add(new Expected(((YamlScalarNode)test["path"]).Value!, count));
            }
        }
        return (ruleId, tests);
    }
}
