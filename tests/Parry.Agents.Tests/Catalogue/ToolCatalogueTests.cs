using System.Text.RegularExpressions;
using Parry.Agents.Attack;
using Parry.Agents.Catalogue;
using Parry.TestSupport;

namespace Parry.Agents.Tests.Catalogue;

public class ToolCatalogueTests
{
    private static readonly ToolCatalogue Catalogue = ToolCatalogue.Default;

    [Fact]
    public void The_embedded_catalogue_loads()
    {
        Catalogue.ToolIds.Count().ShouldBeGreaterThan(140);
        Catalogue.Categories.Keys.ShouldContain("network-scan");
        Catalogue.Categories["discovery"].Offensive.ShouldBeFalse();
        Catalogue.Categories["reverse-shell"].Offensive.ShouldBeTrue();
    }

    [Fact]
    public void Every_behaviour_the_code_uses_is_mapped()
    {
        // Behaviour ids are string literals in the recognisers: find them all and check each has a mapping.
        var source = Path.Combine(Corpora.RepositoryRoot, "src", "Parry.Agents");
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"(?:AddBehaviour|Note|BehaviourNote)\(\s*""([a-z0-9-]+)""").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        used.Count.ShouldBeGreaterThan(20);
        foreach (var id in used)
            Catalogue.HasBehaviour(id).ShouldBeTrue($"behaviour '{id}' is used in code but not mapped in catalogue.yml");
    }

    [Fact]
    public void Every_mapping_is_a_known_tactic_and_a_technique_id()
    {
        var mappings = Catalogue.Tools.SelectMany(t => t.Recognition.Attack)
            .Concat(Catalogue.BehaviourIds.SelectMany(id => Catalogue.Behaviour(id).Attack))
            .Concat(Catalogue.Categories.Values.SelectMany(c => c.Attack));
        foreach (var mapping in mappings)
        {
            AttackTactics.IsKnown(mapping.Tactic).ShouldBeTrue(mapping.ToString());
            mapping.Technique.ShouldMatch(@"^T\d{4}(\.\d{3})?$");
        }
    }

    [Fact]
    public void Problems_are_all_reported_with_their_lines()
    {
        const string yaml = """
            categories:
              scan: {offensive: maybe, attack: [discovery/T1046]}
              ok: {offensive: true, attack: [nowhere/T1046, discovery/X12]}
            tools:
              - {id: a, category: missing, programs: [a]}
              - {id: b, category: ok}
              - {id: b, category: ok, programs: [b], colour: red}
              - {id: c, category: ok, programs: [c], single_port: sometimes}
            behaviours: {}
            sensitive_paths: []
            code_indicators: []
            extra: 1
            """;
        var error = Should.Throw<CatalogueException>(() => ToolCatalogue.Load(new StringReader(yaml), "test.yml"));
        error.Message.ShouldStartWith("test.yml:");
        error.Problems.ShouldContain(p => p.Contains("line 2") && p.Contains("offensive must be true or false"));
        error.Problems.ShouldContain(p => p.Contains("'nowhere' is not an ATT&CK tactic"));
        error.Problems.ShouldContain(p => p.Contains("'X12' is not an ATT&CK technique id"));
        error.Problems.ShouldContain(p => p.Contains("line 5") && p.Contains("unknown category 'missing'"));
        error.Problems.ShouldContain(p => p.Contains("tool 'b' needs programs or arguments"));
        error.Problems.ShouldContain(p => p.Contains("duplicate id 'b'"));
        error.Problems.ShouldContain(p => p.Contains("unknown tool key 'colour'"));
        error.Problems.ShouldContain(p => p.Contains("line 8") && p.Contains("single_port must be true or false, not 'sometimes'"));
        error.Problems.ShouldContain(p => p.Contains("unknown section 'extra'"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2")]
    [InlineData("- a\n- b")]
    [InlineData("categories: 5")]
    public void Malformed_catalogues_fail_with_a_message(string yaml)
    {
        Should.Throw<CatalogueException>(() => ToolCatalogue.Load(new StringReader(yaml), "bad.yml")).Problems.ShouldNotBeEmpty();
    }
}
