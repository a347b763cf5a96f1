using Parry.Core.Detections;
using Parry.Sigma.Loading;
using Parry.Sigma.Rules;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Loading;

public class RuleLoadingTests
{
    [Fact]
    public void Reads_every_attribute_of_the_specification()
    {
        var result = Load("""
            title: Whoami Execution
            id: 929a690e-bef0-4204-a928-ef5e620d6fcc
            name: whoami_execution
            related:
                - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
                  type: derived
            taxonomy: sigma
            status: test
            description: Detects a whoami.exe execution
            license: DRL-1.1
            references:
                - https://example.org/a
            author: Florian Roth, Someone Else
            date: 2019-10-23
            modified: 2023-04-14
            logsource:
                category: Process_Creation
                product: Windows
                definition: 'Requirements: Sysmon or 4688 with command line'
            detection:
                selection:
                    Image: 'C:\Windows\System32\whoami.exe'
                condition: selection
            fields:
                - CommandLine
            falsepositives:
                - Admin activity
            level: high
            tags:
                - attack.discovery
                - attack.t1033
            scope:
                - server
            custom_field: ignored
            """, path: "rules/whoami.yml");
        var rule = result.Rules.ShouldHaveSingleItem();
        rule.Info.ShouldBe(new RuleInfo("929a690e-bef0-4204-a928-ef5e620d6fcc", "Whoami Execution", Level.High,
            rule.Info.Tags, "test", "Detects a whoami.exe execution", "Florian Roth, Someone Else", "rules/whoami.yml", "whoami_execution")
        {
            FalsePositives = rule.Info.FalsePositives,
            Fields = rule.Info.Fields,
        });
        rule.Info.Tags.ShouldBe(["attack.discovery", "attack.t1033"]);
        rule.Info.FalsePositives.ShouldBe(["Admin activity"]);
        rule.Info.Fields.ShouldBe(["CommandLine"]);
        rule.LogSource.ShouldBe(new SigmaLogSource("windows", "process_creation", null, "Requirements: Sysmon or 4688 with command line"));
        rule.Related.ShouldBe([new RelatedRule("08fbc97d-0a2f-491c-ae21-8ffcfd3174e9", "derived")]);
        rule.References.ShouldBe(["https://example.org/a"]);
        rule.Date.ShouldBe("2019-10-23");
        rule.Modified.ShouldBe("2023-04-14");
        rule.License.ShouldBe("DRL-1.1");
        rule.Taxonomy.ShouldBe("sigma");
        rule.Scope.ShouldBe(["server"]);
        rule.Line.ShouldBe(1);
        rule.FieldNames.ShouldBe(["Image"]);
        rule.HasExplicitId.ShouldBeTrue();
        rule.GeneratesDetections.ShouldBeTrue();
        result.Loaded.ShouldBe(1);
    }

    [Fact]
    public void A_rule_without_level_is_medium_and_without_id_gets_a_stable_one()
    {
        const string yaml = """
            title: No id
            logsource:
                product: linux
            detection:
                keywords: 'x'
                condition: keywords
            """;
        var first = Load(yaml, path: "a/b.yml").Rules.ShouldHaveSingleItem();
        first.Info.Level.ShouldBe(Level.Medium);
        first.HasExplicitId.ShouldBeFalse();
        first.Id.ShouldStartWith("a/b.yml#");
        Load(yaml, path: "a/b.yml").Rules.Single().Id.ShouldBe(first.Id);
        Load(yaml.Replace("No id", "Other title"), path: "a/b.yml").Rules.Single().Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void Field_names_collect_every_field_once()
    {
        var rule = Rule("""
            selection:
                Image|endswith: '\x.exe'
                image: 'y'
                ParentImage|fieldref: GrandParentImage
            filter:
                - CommandLine|contains: a
                - User: null
            condition: selection and not filter
            """);
        rule.FieldNames.ShouldBe(["Image", "ParentImage", "GrandParentImage", "CommandLine", "User"]);
    }

    [Fact]
    public void Condition_lists_are_or()
    {
        var rule = Rule("""
            a:
                X: 1
            b:
                Y: 2
            condition:
                - a
                - b
            """);
        rule.Detection.ConditionTexts.ShouldBe(["a", "b"]);
        Matches(rule, """{"Y": 2}""").ShouldBeTrue();
        Matches(rule, """{"X": 1}""").ShouldBeTrue();
        Matches(rule, """{"Z": 1}""").ShouldBeFalse();
    }

    [Fact]
    public void Multi_document_files_load_every_document()
    {
        var result = Load("""
            title: One
            id: 11111111-1111-4111-8111-111111111111
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: Two
            id: 22222222-2222-4222-8222-222222222222
            logsource: {product: windows}
            detection: {sel: {A: 2}, condition: sel}
            ---
            """);
        result.Rejected.ShouldBeEmpty();
        result.Rules.Select(r => r.Title).ShouldBe(["One", "Two"]);
        result.Rules[1].Line.ShouldBe(6);
    }

    [Fact]
    public void Duplicate_ids_keep_the_first_and_reject_the_second()
    {
        var result = Load("""
            title: First
            id: 11111111-1111-4111-8111-111111111111
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: Second
            id: 11111111-1111-4111-8111-111111111111
            logsource: {product: windows}
            detection: {sel: {A: 2}, condition: sel}
            """, path: "dup.yml");
        result.Rules.ShouldHaveSingleItem().Title.ShouldBe("First");
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(RejectionCategories.DuplicateId);
        rejection.Line.ShouldBe(6);
        rejection.Reason.ShouldContain("dup.yml:1");
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var result = Load("""
            title: First
            name: same
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: Second
            name: same
            logsource: {product: windows}
            detection: {sel: {A: 2}, condition: sel}
            """);
        result.Rejected.ShouldHaveSingleItem().ReasonCategory.ShouldBe(RejectionCategories.DuplicateName);
    }

    [Fact]
    public void Status_filter_excludes_rules_and_lists_them()
    {
        var yaml = """
            title: Stable
            status: stable
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: Experimental
            status: experimental
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: No status
            logsource: {product: windows}
            detection: {sel: {A: 1}, condition: sel}
            """;
        var result = Load(yaml, new SigmaLoadOptions { Statuses = new HashSet<string> { "stable", "test" } });
        result.Rules.Select(r => r.Title).ShouldBe(["Stable"]);
        result.Excluded.Select(r => r.Title).ShouldBe(["Experimental", "No status"]);
        result.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Loads_folders_recursively_with_awkward_names()
    {
        var root = Directory.CreateTempSubdirectory("parry sigma & rules ");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "sub dir & more"));
            File.WriteAllText(Path.Combine(nested.FullName, "rule one & two.yml"), RuleYaml("sel:\n    A: 1\ncondition: sel", "In yml", "11111111-1111-4111-8111-111111111111"));
            File.WriteAllText(Path.Combine(root.FullName, "other.yaml"), RuleYaml("sel:\n    A: 1\ncondition: sel", "In yaml", "22222222-2222-4222-8222-222222222222"));
            File.WriteAllText(Path.Combine(root.FullName, "notes.txt"), "not a rule");
            var result = SigmaLoader.LoadPaths([root.FullName, Path.Combine(root.FullName, "missing.yml")]);
            result.Rules.Select(r => r.Title).Order().ShouldBe(["In yaml", "In yml"]);
            result.Files.ShouldBe(2);
            var missing = result.Rejected.ShouldHaveSingleItem();
            missing.ReasonCategory.ShouldBe(RejectionCategories.FileUnreadable);
            missing.Path.ShouldEndWith("missing.yml");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_folder_walk_leaves_out_regression_data()
    {
        var root = Directory.CreateTempSubdirectory("parry-rules-");
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root.FullName, "regression_data", "web", "a_rule"));
            File.WriteAllText(Path.Combine(data.FullName, "info.yml"), "rule_metadata:\n    - id: x\n");
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "web"));
            File.WriteAllText(Path.Combine(nested.FullName, "a_rule.yml"), RuleYaml("sel:\n    A: 1\ncondition: sel", "A rule", "33333333-3333-4333-8333-333333333333"));
            File.WriteAllText(Path.Combine(nested.FullName, "regression_data_notes.yml"), RuleYaml("sel:\n    A: 1\ncondition: sel", "Not a data folder", "44444444-4444-4444-8444-444444444444"));
            var result = SigmaLoader.LoadPaths([root.FullName]);
            result.Rejected.ShouldBeEmpty();
            result.Rules.Select(r => r.Title).Order().ShouldBe(["A rule", "Not a data folder"]);
            SigmaLoader.LoadPaths([data.FullName]).Rejected.ShouldHaveSingleItem(); // named directly, it is read
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Files_over_the_size_limit_are_rejected()
    {
        var result = Load(RuleYaml("sel:\n    A: 1\ncondition: sel"), new SigmaLoadOptions { MaxFileBytes = 20 });
        result.Rejected.ShouldHaveSingleItem().ReasonCategory.ShouldBe(RejectionCategories.FileTooLarge);
    }

    [Fact]
    public void Oversized_files_are_rejected_unread()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, RuleYaml("sel:\n    A: 1\ncondition: sel"));
            var result = SigmaLoader.LoadPaths([file], new SigmaLoadOptions { MaxFileBytes = 10 });
            var rejection = result.Rejected.ShouldHaveSingleItem();
            rejection.ReasonCategory.ShouldBe(RejectionCategories.FileTooLarge);
            rejection.Reason.ShouldContain("bytes");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Rejections_are_summarised_by_reason()
    {
        var result = Load("""
            title: a
            logsource: {product: x}
            detection: {sel: {A|foo: 1}, condition: sel}
            ---
            title: b
            logsource: {product: x}
            detection: {sel: {A|bar: 1}, condition: sel}
            ---
            title: c
            logsource: {product: x}
            detection: {sel: {A: 1}, condition: nope}
            """);
        result.RejectedByReason().ShouldBe([
            new KeyValuePair<string, int>(RejectionCategories.UnknownModifier, 2),
            new KeyValuePair<string, int>(RejectionCategories.UndefinedIdentifier, 1)]);
    }
}
