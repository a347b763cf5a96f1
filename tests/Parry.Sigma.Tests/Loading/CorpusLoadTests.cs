using Parry.Sigma.Matching;

namespace Parry.Sigma.Tests.Loading;

/// <summary>The real SigmaHQ rule set: nearly every rule loads, and every rule that does not says why.</summary>
public class CorpusLoadTests
{
    [Fact]
    public void At_least_99_percent_of_the_sigmahq_rules_load()
    {
        var result = SigmaCorpus.Rules;
        result.Files.ShouldBe(SigmaCorpus.ActiveRules);
        (result.Loaded + result.Rejected.Count).ShouldBe(SigmaCorpus.ActiveRules);
        (result.Loaded / (double)SigmaCorpus.ActiveRules).ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void Every_rejection_has_a_location_and_a_reason()
    {
        foreach (var rejection in SigmaCorpus.Rules.Rejected)
        {
            rejection.Line.ShouldBeGreaterThan(0, rejection.ToString());
            rejection.Column.ShouldBeGreaterThan(0, rejection.ToString());
            rejection.Reason.ShouldNotBeNullOrWhiteSpace();
            rejection.ReasonCategory.ShouldNotBeNullOrWhiteSpace();
            File.Exists(rejection.Path).ShouldBeTrue();
        }
    }

    [Fact]
    public void The_only_rejections_are_placeholders_without_a_table()
    {
        SigmaCorpus.Rules.Rejected.ShouldAllBe(r => r.ReasonCategory == RejectionCategories.UnresolvedPlaceholder);
        // The placeholder folder holds 23 such rules, emerging threats two more.
        SigmaCorpus.Rules.Rejected.Count.ShouldBe(25);
    }

    [Fact]
    public void With_a_placeholder_table_the_placeholder_rules_load_too()
    {
        var files = SigmaCorpus.Rules.Rejected.Select(r => r.Path).Distinct().ToList();
        var names = files.SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "%([A-Za-z0-9_.-]+)%"))
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var table = new Parry.Sigma.Loading.PlaceholderTable(names.ToDictionary(n => n, n => (IReadOnlyList<string>)[$"value-of-{n}"]));
        var result = Parry.Sigma.Loading.SigmaLoader.LoadPaths(files, new Parry.Sigma.Loading.SigmaLoadOptions { Placeholders = table });
        result.Rejected.ShouldBeEmpty(string.Join("\n", result.Rejected));
        result.Rules.Count.ShouldBe(files.Count);
    }

    [Fact]
    public void Every_loaded_rule_compiles()
    {
        var fields = new Parry.Core.Events.FieldTableBuilder();
        var compiled = SigmaCorpus.Rules.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        compiled.Count.ShouldBe(SigmaCorpus.Rules.Rules.Count);
        var group = CompiledRuleGroup.Create(compiled);
        group.Rules.Count.ShouldBe(compiled.Count);
        // Nearly every rule has a necessary literal the group indexes.
        (group.AlwaysEvaluated / (double)compiled.Count).ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Ids_are_unique_and_field_names_are_known()
    {
        var rules = SigmaCorpus.Rules.Rules;
        rules.Select(r => r.Id).Distinct().Count().ShouldBe(rules.Count);
        rules.ShouldAllBe(r => r.HasExplicitId);
        rules.Where(r => !r.HasKeywords).ShouldAllBe(r => r.FieldNames.Count > 0);
    }
}
