using System.Text.Json;
using Parry.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Parry.Cli.Tests;

/// <summary>
/// The Sigma engine issue's bar, end to end through the real executable: all SigmaHQ rules load (≥ 99 %, every
/// rejection with a reason), and hunting SigmaHQ's regression data fires every rule on its own sample at least as
/// often as its info.yml says — from the .json files and from the .evtx files.
/// </summary>
public class SigmaHqCorpusTests
{
    private static readonly string[] RuleFolders =
        ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance", "rules-dfir"];

    private static IEnumerable<string> RuleArgs() =>
        RuleFolders.Select(f => Path.Combine(Corpora.Sigma, f)).Where(Directory.Exists).SelectMany(f => new[] { "--rules", f });

    [Fact]
    public async Task At_least_99_percent_of_SigmaHQ_rules_load_and_every_rejection_names_its_reason()
    {
        var folders = RuleFolders.Select(f => Path.Combine(Corpora.Sigma, f)).Where(Directory.Exists).ToArray();
        var result = await ParryProcess.RunAsync(["rules", "check", .. folders, "--format", "json"]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        using var report = JsonDocument.Parse(result.Stdout);
        var loaded = report.RootElement.GetProperty("loaded").GetInt32();
        var rejected = report.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        ((double)loaded / (loaded + rejected.Count)).ShouldBeGreaterThanOrEqualTo(0.99);
        (loaded + rejected.Count).ShouldBeGreaterThanOrEqualTo(3780);
        foreach (var r in rejected)
        {
            r.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
            r.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
            r.GetProperty("path").GetString().ShouldNotBeNullOrWhiteSpace();
        }
        var byReason = report.RootElement.GetProperty("by_reason").EnumerateObject().Sum(p => p.Value.GetInt32());
        byReason.ShouldBe(rejected.Count);
    }

    [Fact]
    public async Task Every_regression_rule_fires_on_its_own_json_and_evtx_samples()
    {
        var output = Path.Combine(Path.GetTempPath(), $"parry-regression-{Guid.NewGuid():N}.jsonl");
        try
        {
            var result = await ParryProcess.RunAsync(
                ["hunt", "--no-default-rules", .. RuleArgs(), "--format", "jsonl", "--output", output, Corpora.SigmaRegressionData]);
            result.ExitCode.ShouldBe(0, result.Stderr);

            var hits = new Dictionary<(string Rule, string Path), int>();
            foreach (var line in File.ReadLines(output))
            {
                using var record = JsonDocument.Parse(line);
                if (record.RootElement.GetProperty("type").GetString() != "detection")
                    continue;
                var key = (record.RootElement.GetProperty("rule_id").GetString()!,
                    Path.GetFullPath(record.RootElement.GetProperty("source").GetProperty("path").GetString()!));
                hits[key] = hits.GetValueOrDefault(key) + 1;
            }

            var checkedTests = 0;
            var failures = new List<string>();
            foreach (var info in Directory.EnumerateFiles(Corpora.SigmaRegressionData, "info.yml", SearchOption.AllDirectories))
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(File.ReadAllText(info)));
                var root = (YamlMappingNode)yaml.Documents[0].RootNode;
                var ruleId = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)root["rule_metadata"])[0])["id"]).Value!;
                if (!root.Children.TryGetValue("regression_tests_info", out var testsNode) || testsNode is not YamlSequenceNode tests)
                    continue; // a commented-out test (one raw-format sample)
                foreach (var test in tests.Cast<YamlMappingNode>())
                {
                    var evtx = Path.GetFullPath(Path.Combine(Corpora.Sigma, ((YamlScalarNode)test["path"]).Value!));
                    var expected = test.Children.TryGetValue("match_count", out var count) ? int.Parse(((YamlScalarNode)count).Value!) : 1;
                    foreach (var sample in new[] { evtx, Path.ChangeExtension(evtx, ".json") })
                    {
                        checkedTests++;
                        var got = hits.GetValueOrDefault((ruleId, sample));
                        if (got < expected)
                            failures.Add($"{ruleId} on {sample}: {got} < {expected}");
                    }
                }
            }
            checkedTests.ShouldBe(2 * 202);
            failures.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(output);
        }
    }
}
