using Parry.Core.Events;
using Parry.Sigma.Loading;
using Parry.Sigma.Matching;
using Parry.Sigma.Rules;
using Parry.TestSupport;

namespace Parry.Sigma.Tests;

/// <summary>Builds rules from YAML snippets and matches them against events written as JSON.</summary>
internal static class SigmaTestKit
{
    /// <summary>A complete rule document around a <c>detection</c> block (indented by four spaces per level).</summary>
    public static string RuleYaml(string detection, string title = "Test rule", string? id = "00000000-0000-4000-8000-000000000001") =>
        $"""
        title: {title}
        {(id is null ? "" : $"id: {id}")}
        logsource:
            product: windows
            category: process_creation
        detection:
        {Indent(detection.Trim('\n'))}
        level: high
        """;

    public static SigmaLoadResult Load(string yaml, SigmaLoadOptions? options = null, string path = "test.yml") =>
        SigmaLoader.LoadText(yaml, path, options);

    /// <summary>Loads a single rule; fails the test with the rejection if it did not load.</summary>
    public static SigmaRule Rule(string detection, SigmaLoadOptions? options = null)
    {
        var result = Load(RuleYaml(detection), options);
        result.Rejected.ShouldBeEmpty(string.Join("\n", result.Rejected));
        return result.Rules.ShouldHaveSingleItem();
    }

    /// <summary>The one rejection of a rule that should not load.</summary>
    public static RuleRejection Rejection(string detection, SigmaLoadOptions? options = null)
    {
        var result = Load(RuleYaml(detection), options);
        result.Rules.ShouldBeEmpty();
        return result.Rejected.ShouldHaveSingleItem();
    }

    public static bool Matches(SigmaRule rule, string eventJson, IFieldMapping? mapping = null)
    {
        var fields = new FieldTableBuilder();
        var compiled = SigmaCompiler.Compile(rule, mapping ?? IdentityFieldMapping.Instance, fields);
        var table = fields.Build();
        var single = compiled.Matches(JsonEvents.FromJson(eventJson, table));
        // The group's literal index must never lose a match the rule alone finds.
        var hits = new List<CompiledRule>();
        CompiledRuleGroup.Create([compiled]).Match(JsonEvents.FromJson(eventJson, table), hits);
        (hits.Count == 1).ShouldBe(single, $"group and single rule disagree on {eventJson}");
        return single;
    }

    public static bool Matches(string detection, string eventJson) => Matches(Rule(detection), eventJson);

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
}
