using Parry.TestSupport;

namespace Parry.Detection.Tests.Rules;

/// <summary>
/// Parry's rule pack against its regression data, the way SigmaHQ keeps its own: every rule file names its
/// <c>regression_data/&lt;area&gt;/&lt;stem&gt;/info.yml</c>, every rule that reports detections has positive and
/// negative tests there, and each test runs the real hunt pipeline over hand-written logs: a positive must raise at
/// least <c>match_count</c> detections of its rule, a negative (the benign look-alike) none.
/// </summary>
public class RulePackRegressionTests
{
    private static readonly string RulesRoot = Path.Combine(Corpora.RepositoryRoot, "rules");

    private static readonly Lazy<IReadOnlyList<RuleFile>> s_files = new(() => RuleFile.Discover(RulesRoot));

    private static IReadOnlyList<RuleFile> Files => s_files.Value;

    /// <summary>
    /// The agent-side rule files that came with the tool-call analysis: another engineer owns them and tests them
    /// in Parry.Agents.Tests/Rules/McpRulesTests.cs, and they carry no regression_tests_path yet. Named one by one so
    /// a new rule file cannot slip through, and checked to still lack regression data so the entry goes when they
    /// gain it.
    /// </summary>
    private static readonly HashSet<string> OwnedAndTestedElsewhere = new(StringComparer.Ordinal)
    {
        "mcp/mcp_brute_force.yml", "mcp/mcp_cloud_metadata.yml", "mcp/mcp_content_discovery.yml",
        "mcp/mcp_credential_access.yml", "mcp/mcp_defense_evasion.yml", "mcp/mcp_discovery.yml",
        "mcp/mcp_enumeration.yml", "mcp/mcp_exfiltration.yml", "mcp/mcp_exploitation.yml", "mcp/mcp_impact.yml",
        "mcp/mcp_lateral_movement.yml", "mcp/mcp_network_scan.yml", "mcp/mcp_password_cracking.yml",
        "mcp/mcp_persistence.yml", "mcp/mcp_reconnaissance.yml", "mcp/mcp_reverse_shell.yml",
        "mcp/mcp_sensitive_credential_file.yml", "mcp/mcp_sensitive_system_file.yml", "mcp/mcp_shell_listener.yml",
        "mcp/mcp_sniffing.yml", "mcp/mcp_sql_injection.yml", "mcp/mcp_tool_transfer.yml", "mcp/mcp_tunnel.yml",
        "mcp/mcp_vulnerability_scan.yml", "mcp/mcp_web_attack.yml",
    };

    /// <summary>One case per (rule file, rule, test), named so a failure says which.</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in Files)
        {
            var info = Path.Combine(RulesRoot, file.ExpectedRegressionPath);
            if (!File.Exists(info))
                continue;
            var regression = RegressionInfo.Load(info);
            foreach (var test in regression.Tests)
            {
                var rule = regression.Rules.FirstOrDefault(r => r.Id == test.RuleId)?.Title ?? test.RuleId;
                data.Add(file.RelativePath, rule, test.Name);
            }
        }
        return data;
    }

    [Fact]
    public void The_whole_pack_loads_without_rejections()
    {
        var loaded = CompiledPack.Default.Loaded;
        loaded.Rejected.ShouldBeEmpty(string.Join("\n", loaded.Rejected.Select(r => $"{r.Path}:{r.Line}: {r.Reason}")));
        loaded.Warnings.ShouldBeEmpty(string.Join("\n", loaded.Warnings.Select(w => w.ToString())));
        CompiledPack.Default.Matcher.UnmappedRules.Select(r => $"{r.Path}:{r.Line} {r.Title}").ShouldBeEmpty();
    }

    [Fact]
    public void The_embedded_pack_is_the_rules_folder()
    {
        var onDisk = Files.SelectMany(f => f.Documents).Select(d => d.Id).OfType<string>().Order(StringComparer.Ordinal);
        var loaded = CompiledPack.Default.Loaded;
        var embedded = loaded.Rules.Select(r => r.Id).Concat(loaded.Correlations.Select(c => c.Id)).Order(StringComparer.Ordinal);
        embedded.ShouldBe(onDisk);
    }

    [Fact]
    public void Every_rule_names_its_regression_data_and_the_index_exists()
    {
        var problems = new List<string>();
        foreach (var name in OwnedAndTestedElsewhere)
        {
            var file = Files.SingleOrDefault(f => f.RelativePath == name);
            if (file is null)
                problems.Add($"{name} is exempted but no longer exists: remove it from the exemption");
            else if (file.Documents.Any(d => d.RegressionTestsPath is not null) || File.Exists(Path.Combine(RulesRoot, file.ExpectedRegressionPath)))
                problems.Add($"{name} now has regression data: remove it from the exemption");
        }
        foreach (var file in Files)
        {
            if (OwnedAndTestedElsewhere.Contains(file.RelativePath))
            {
                problems.AddRange(file.Documents.Where(d => d.Id is null).Select(d => $"{file.RelativePath}:{d.Line}: no id"));
                continue;
            }
            foreach (var document in file.Documents)
            {
                if (document.Id is null)
                    problems.Add($"{file.RelativePath}:{document.Line}: no id");
                if (document.RegressionTestsPath is null)
                    problems.Add($"{file.RelativePath}:{document.Line}: no regression_tests_path");
                else if (document.RegressionTestsPath != file.ExpectedRegressionPath)
                    problems.Add($"{file.RelativePath}:{document.Line}: regression_tests_path is {document.RegressionTestsPath}, expected {file.ExpectedRegressionPath}");
            }
            if (!File.Exists(Path.Combine(RulesRoot, file.ExpectedRegressionPath)))
                problems.Add($"{file.RelativePath}: {file.ExpectedRegressionPath} does not exist");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void Every_reported_rule_has_positive_and_negative_tests_and_the_index_matches_the_file()
    {
        var reported = CompiledPack.Default.ReportedIds;
        var problems = new List<string>();
        foreach (var file in Files)
        {
            var infoPath = Path.Combine(RulesRoot, file.ExpectedRegressionPath);
            if (!File.Exists(infoPath))
                continue; // reported by the test above
            var info = RegressionInfo.Load(infoPath);
            var documents = file.Documents.Where(d => d.Id is not null).ToDictionary(d => d.Id!, StringComparer.Ordinal);
            foreach (var entry in info.Rules)
            {
                if (!documents.TryGetValue(entry.Id, out var document))
                    problems.Add($"{file.ExpectedRegressionPath}: rule_metadata names {entry.Id}, which is not in {file.RelativePath}");
                else if (document.Title != entry.Title)
                    problems.Add($"{file.ExpectedRegressionPath}: title of {entry.Id} is '{entry.Title}', the rule says '{document.Title}'");
            }
            foreach (var document in file.Documents.Where(d => d.Id is not null && reported.Contains(d.Id)))
            {
                var tests = info.Tests.Where(t => t.RuleId == document.Id).ToList();
                if (!info.Rules.Any(r => r.Id == document.Id))
                    problems.Add($"{file.RelativePath}: reported rule '{document.Title}' is not in rule_metadata");
                if (!tests.Any(t => t.Type == "positive"))
                    problems.Add($"{file.RelativePath}: reported rule '{document.Title}' has no positive test");
                if (!tests.Any(t => t.Type == "negative"))
                    problems.Add($"{file.RelativePath}: reported rule '{document.Title}' has no negative test");
            }
            foreach (var test in info.Tests)
            {
                if (test.Type is not ("positive" or "negative"))
                    problems.Add($"{file.ExpectedRegressionPath}: test '{test.Name}' has type '{test.Type}' (positive or negative)");
                if (test.Type == "positive" && test.MatchCount is not > 0)
                    problems.Add($"{file.ExpectedRegressionPath}: positive test '{test.Name}' needs a match_count above 0");
                if (!info.Rules.Any(r => r.Id == test.RuleId))
                    problems.Add($"{file.ExpectedRegressionPath}: test '{test.Name}' is about {test.RuleId}, which rule_metadata does not list");
                else if (!reported.Contains(test.RuleId))
                    problems.Add($"{file.ExpectedRegressionPath}: test '{test.Name}' is about {test.RuleId}, which reports nothing (a base rule of a correlation)");
                var data = Path.Combine(RulesRoot, test.Path);
                if (!File.Exists(data) && !Directory.Exists(data))
                    problems.Add($"{file.ExpectedRegressionPath}: test '{test.Name}' data {test.Path} does not exist");
                else if (!Path.GetFullPath(data).StartsWith(Path.GetFullPath(Path.Combine(RulesRoot, "regression_data", file.Area, file.Stem)), StringComparison.Ordinal))
                    problems.Add($"{file.ExpectedRegressionPath}: test '{test.Name}' data {test.Path} lies outside the rule's regression folder");
            }
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Regression(string ruleFile, string rule, string test)
    {
        var file = Files.Single(f => f.RelativePath == ruleFile);
        var info = RegressionInfo.Load(Path.Combine(RulesRoot, file.ExpectedRegressionPath));
        var ruleId = info.Rules.FirstOrDefault(r => r.Title == rule)?.Id ?? rule;
        var regression = info.Tests.Single(t => t.Name == test && t.RuleId == ruleId);

        var (sink, errors) = await CompiledPack.Default.HuntAsync(Path.Combine(RulesRoot, regression.Path));

        errors.Kept.ShouldBeEmpty($"{regression.Path} should decode cleanly");
        sink.Summary.ShouldNotBeNull().Events.ShouldBeGreaterThan(0);
        var hits = sink.Detections.Where(d => d.Rule.Id == ruleId).ToList();
        var seen = string.Join("\n", sink.Detections.GroupBy(d => d.Rule.Title).Select(g => $"  {g.Key}: {g.Count()}"));
        if (regression.Type == "positive")
            hits.Count.ShouldBeGreaterThanOrEqualTo(regression.MatchCount!.Value, $"detections in {regression.Path}:\n{seen}");
        else
            hits.ShouldBeEmpty($"detections in {regression.Path}:\n{seen}");
    }
}
