using Parry.Sigma.Loading;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Filters;

public class FilterTests
{
    private const string Rules = """
        title: Rar compression
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        name: rar_compression
        logsource:
            category: process_creation
            product: windows
        detection:
            selection:
                Image|endswith: '\rar.exe'
            condition: selection
        ---
        title: Other rule
        id: 0e95725d-7320-415d-80f7-004da920fc11
        logsource:
            category: process_creation
            product: windows
        detection:
            selection:
                Image|endswith: '\rar.exe'
            condition: selection
        """;

    // The specification's example (sigma-filters-specification).
    private const string AdminFilter = """
        title: Filter Administrator account
        description: The valid administrator account start with adm_
        logsource:
            category: process_creation
            product: windows
        filter:
            rules:
                - 6f3e2987-db24-4c78-a860-b4f4095a7095 # Data Compressed - rar.exe
                - df0841c0-9846-4e9f-ad8a-7df91571771b # Login on jump host
            selection:
                User|startswith: 'adm_'
            condition: selection
        """;

    [Fact]
    public void A_filter_adds_and_not_to_the_rules_it_names()
    {
        var result = Load(Rules + "\n---\n" + AdminFilter, path: "rules.yml");
        result.Rejected.ShouldBeEmpty();
        var filter = result.Filters.ShouldHaveSingleItem();
        filter.Title.ShouldBe("Filter Administrator account");
        var filtered = result.Rules.Single(r => r.Title == "Rar compression");
        var untouched = result.Rules.Single(r => r.Title == "Other rule");
        filtered.AppliedFilters.ShouldBe(["Filter Administrator account"]);
        untouched.AppliedFilters.ShouldBeEmpty();

        const string admin = """{"Image": "C:\\x\\rar.exe", "User": "ADM_bob"}""";
        const string user = """{"Image": "C:\\x\\rar.exe", "User": "bob"}""";
        Matches(filtered, admin).ShouldBeFalse();
        Matches(filtered, user).ShouldBeTrue();
        Matches(untouched, admin).ShouldBeTrue();

        // The other rule it names is not loaded: a warning, not a rejection.
        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("df0841c0-9846-4e9f-ad8a-7df91571771b");
    }

    [Fact]
    public void Filters_name_rules_by_name_too_and_keep_their_identifiers_apart()
    {
        var filter = AdminFilter.Replace("- 6f3e2987-db24-4c78-a860-b4f4095a7095 # Data Compressed - rar.exe", "- rar_compression")
            .Replace("    selection:\n        User|startswith: 'adm_'", "    selection:\n        CommandLine|contains: ' -hp'");
        var result = Load(Rules + "\n---\n" + filter);
        var rule = result.Rules.Single(r => r.Title == "Rar compression");
        rule.AppliedFilters.ShouldHaveSingleItem();
        // Both the rule and the filter call their identifier 'selection'; neither shadows the other.
        rule.Detection.SearchIdentifiers.Count.ShouldBe(2);
        Matches(rule, """{"Image": "C:\\rar.exe", "CommandLine": "rar a -hpsecret x.rar"}""").ShouldBeFalse();
        Matches(rule, """{"Image": "C:\\rar.exe", "CommandLine": "rar a x.rar"}""").ShouldBeTrue();
    }

    [Fact]
    public void A_filter_only_applies_where_its_logsource_covers_the_rule()
    {
        var filter = AdminFilter.Replace("    category: process_creation\n    product: windows", "    category: file_event\n    product: windows");
        var result = Load(Rules + "\n---\n" + filter);
        result.Rules.ShouldAllBe(r => r.AppliedFilters.Count == 0);
        result.Warnings.ShouldContain(w => w.Message.Contains("does not cover"));
    }

    [Fact]
    public void Rules_any_applies_to_every_rule_of_the_logsource()
    {
        var filter = """
            title: Ignore backup tool
            logsource:
                product: windows
            filter:
                rules: any
                backup:
                    ParentImage|endswith: '\backup.exe'
                condition: backup
            """;
        var result = Load(Rules + "\n---\n" + filter);
        result.Rules.ShouldAllBe(r => r.AppliedFilters.Count == 1);
        Matches(result.Rules[1], """{"Image": "C:\\rar.exe", "ParentImage": "D:\\backup.exe"}""").ShouldBeFalse();
        result.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("filter:\n    selection: {A: 1}\n    condition: selection", RejectionCategories.InvalidFilter, "no 'rules'")]
    [InlineData("filter:\n    rules: [x]\n    selection: {A: 1}", RejectionCategories.MissingAttribute, "no 'condition'")]
    [InlineData("filter:\n    rules: [x]\n    selection: {A: 1}\n    condition: nope", RejectionCategories.UndefinedIdentifier, "'nope'")]
    [InlineData("filter:\n    rules: [x]\n    condition: selection", RejectionCategories.EmptyDetection, "no search identifier")]
    public void Invalid_filters_are_rejected(string body, string category, string reason)
    {
        var result = Load("title: f\nlogsource: {product: windows}\n" + body);
        result.Filters.ShouldBeEmpty();
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(category);
        rejection.Reason.ShouldContain(reason);
    }

    [Fact]
    public void The_specification_schema_examples_load()
    {
        var folder = Path.Combine(Parry.TestSupport.Corpora.SigmaSpec, "tests", "schema", "filter");
        var result = SigmaLoader.LoadPaths([folder]);
        result.Rejected.ShouldBeEmpty();
        result.Filters.Count.ShouldBe(2);
        result.Filters.ShouldAllBe(f => f.RuleReferences.Count == 2);
    }
}
