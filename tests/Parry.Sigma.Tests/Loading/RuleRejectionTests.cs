using Parry.Sigma.Loading;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Loading;

/// <summary>Rules that cannot be honoured are rejected whole, with where and why.</summary>
public class RuleRejectionTests
{
    // RuleYaml puts the detection block at line 7; its first search identifier's first item is on line 8.
    [Theory]
    [InlineData("sel:\n    Image|contans: x\ncondition: sel", RejectionCategories.UnknownModifier, 8, "unknown modifier 'contans'")]
    [InlineData("sel:\n    CommandLine|re: '(unclosed'\ncondition: sel", RejectionCategories.InvalidRegex, 8, "not a valid regular expression")]
    [InlineData("sel:\n    EventID|re: 4688\ncondition: sel", RejectionCategories.InvalidValue, 8, "quote the pattern")]
    [InlineData("sel:\n    Image|all: 'one'\ncondition: sel", RejectionCategories.AllWithSingleValue, 8, "two or more values")]
    [InlineData("sel:\n    Image:\n        - a\n        - null\ncondition: sel", RejectionCategories.NullInValueList, 8, "null cannot be part of a value list")]
    [InlineData("sel:\n    Image|expand: '%Admins%'\ncondition: sel", RejectionCategories.UnresolvedPlaceholder, 8, "%Admins%")]
    [InlineData("sel:\n    A: 1\ncondition: sel and other", RejectionCategories.UndefinedIdentifier, 9, "'other'")]
    [InlineData("sel:\n    A: 1\ncondition: 1 of filter_*", RejectionCategories.PatternMatchesNothing, 9, "matches no search identifier")]
    [InlineData("sel:\n    A: 1\ncondition: sel | count() > 5", RejectionCategories.UnsupportedAggregation, 9, "correlation")]
    [InlineData("sel:\n    A: 1\ncondition: (sel", RejectionCategories.ConditionSyntax, 9, "not closed")]
    [InlineData("sel:\n    A: 1", RejectionCategories.MissingAttribute, 7, "no 'condition'")]
    [InlineData("sel: {}\ncondition: sel", RejectionCategories.EmptyDetection, 7, "empty map")]
    [InlineData("sel: []\ncondition: sel", RejectionCategories.EmptyDetection, 7, "empty list")]
    [InlineData("condition: sel", RejectionCategories.EmptyDetection, 7, "no search identifier")]
    [InlineData("sel:\n    Ip|cidr: '10.0.0.0/33'\ncondition: sel", RejectionCategories.InvalidCidr, 8, "not an IPv4 or IPv6 network")]
    [InlineData("sel:\n    A|exists: maybe\ncondition: sel", RejectionCategories.InvalidValue, 8, "true or false")]
    [InlineData("sel:\n    A|exists|contains: true\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "cannot be combined")]
    [InlineData("sel:\n    A|gt: many\ncondition: sel", RejectionCategories.InvalidValue, 8, "compares numbers")]
    [InlineData("sel:\n    A|hour: 24\ncondition: sel", RejectionCategories.InvalidValue, 8, "from 0 to 23")]
    [InlineData("sel:\n    A|i: x\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "must follow it")]
    [InlineData("sel:\n    A|base64: 'a*b'\ncondition: sel", RejectionCategories.InvalidValue, 8, "wildcards")]
    [InlineData("sel:\n    A|contains|cidr: '10.0.0.0/8'\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "must come before")]
    [InlineData("sel:\n    A|contains|re: 'x'\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "must come before")]
    [InlineData("sel:\n    A|fieldref: 'B*'\ncondition: sel", RejectionCategories.InvalidValue, 8, "field name without wildcards")]
    [InlineData("sel:\n    A|wide|utf16be: x\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "encodes twice")]
    [InlineData("sel:\n    A|re|cidr: x\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "must come before")]
    [InlineData("sel:\n    A: null\n    B|contains: null\ncondition: sel", RejectionCategories.InvalidModifierCombination, 9, "cannot apply to null")]
    [InlineData("sel:\n    A: {b: c}\ncondition: sel", RejectionCategories.InvalidDetection, 8, "cannot be a map")]
    [InlineData("sel:\n    A: [[1, 2]]\ncondition: sel", RejectionCategories.InvalidDetection, 8, "list inside its value list")]
    [InlineData("sel:\n    A: []\ncondition: sel", RejectionCategories.InvalidValue, 8, "empty")]
    [InlineData("sel: null\ncondition: sel", RejectionCategories.InvalidValue, 7, "needs a field")]
    [InlineData("sel:\n    '|gt': 5\ncondition: sel", RejectionCategories.InvalidModifierCombination, 8, "needs a field")]
    [InlineData("sel:\n    A|windash: '-a -b -c -d -e -f'\ncondition: sel", RejectionCategories.ExpansionTooLarge, 8, "permutations")]
    public void Detection_problems(string detection, string category, int line, string reason)
    {
        var rejection = Rejection(detection);
        rejection.ReasonCategory.ShouldBe(category);
        rejection.Line.ShouldBe(line);
        rejection.Column.ShouldBeGreaterThan(0);
        rejection.Reason.ShouldContain(reason);
        rejection.Path.ShouldBe("test.yml");
        rejection.RuleId.ShouldBe("00000000-0000-4000-8000-000000000001");
        rejection.Title.ShouldBe("Test rule");
    }

    [Fact]
    public void Condition_errors_point_at_the_column_inside_the_condition()
    {
        var rejection = Rejection("sel:\n    A: 1\ncondition: sel and other");
        // "    condition: " is 15 characters; "sel and " 8 more: 'other' starts at column 24.
        rejection.Column.ShouldBe(24);
    }

    [Theory]
    [InlineData("logsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.MissingAttribute, "'title'")]
    [InlineData("title: t\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.MissingAttribute, "'logsource'")]
    [InlineData("title: t\nlogsource: {product: x}", RejectionCategories.NotARule, "no 'detection'")]
    [InlineData("title: t\nlogsource: {product: x}\ndetection: [1]", RejectionCategories.InvalidAttribute, "must be a map")]
    [InlineData("title: t\nlogsource: {definition: only}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.MissingAttribute, "names no product")]
    [InlineData("title: t\nlevel: severe\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.InvalidLevel, "severe")]
    [InlineData("title: t\nstatus: beta\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.InvalidStatus, "beta")]
    [InlineData("title: t\ntags: {a: b}\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.InvalidAttribute, "'tags'")]
    [InlineData("title: t\nrelated: [{id: x, type: cousin}]\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.InvalidAttribute, "cousin")]
    [InlineData("title: [a, b]\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.InvalidAttribute, "'title'")]
    [InlineData("- just\n- a list", RejectionCategories.NotARule, "not a map")]
    [InlineData("action: global\ntitle: t\nlogsource: {product: x}\ndetection: {sel: {A: 1}, condition: sel}", RejectionCategories.NotARule, "Sigma 1")]
    public void Document_problems(string yaml, string category, string reason)
    {
        var result = Load(yaml);
        result.Rules.ShouldBeEmpty();
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(category);
        rejection.Reason.ShouldContain(reason);
        rejection.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void One_bad_document_does_not_stop_the_others()
    {
        var result = Load("""
            title: good
            logsource: {product: x}
            detection: {sel: {A: 1}, condition: sel}
            ---
            title: bad
            logsource: {product: x}
            detection: {sel: {A|nope: 1}, condition: sel}
            ---
            title: good too
            logsource: {product: x}
            detection: {sel: {A: 2}, condition: sel}
            """);
        result.Rules.Select(r => r.Title).ShouldBe(["good", "good too"]);
        result.Rejected.ShouldHaveSingleItem().Line.ShouldBe(7);
    }
}
