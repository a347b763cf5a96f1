using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Loading;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Loading;

public class MalformedYamlTests
{
    [Theory]
    [InlineData("title: [unclosed", 2)] // noticed where the input ends
    [InlineData("title: t\n  bad indent: x\n", 2)]
    [InlineData("title: 'unterminated\n", 1)]
    [InlineData("a: 1\na: 2\n", 2)] // duplicate keys
    [InlineData("key: value\n- item", 2)]
    [InlineData("title: *undefined_alias", 1)]
    public void Yaml_syntax_errors_are_located(string yaml, int line)
    {
        var result = Load(yaml);
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(RejectionCategories.YamlSyntax);
        rejection.Line.ShouldBe(line);
        rejection.Reason.ShouldStartWith("not valid YAML: ");
    }

    [Fact]
    public void Empty_text_loads_nothing_and_rejects_nothing()
    {
        var result = Load("");
        result.Rules.ShouldBeEmpty();
        result.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Alias_bombs_are_refused_not_expanded()
    {
        var yaml = """
            title: bomb
            logsource: {product: x}
            a: &a ["x","x","x","x","x","x","x","x","x","x"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
            detection:
                sel: *f
                condition: sel
            """;
        var rejection = Load(yaml).Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(RejectionCategories.RuleTooLarge);
    }

    [Fact]
    public void Random_text_never_throws_and_every_rejection_is_located()
    {
        var chars = "title: logsource detection condition sel|contains: -[]{}'\"\n\t #&*!%@`>|".ToCharArray();
        var text = Gen.ArrayOf(Gen.Elements(chars)).Select(c => new string(c));
        Prop.ForAll(text.ToArbitrary(), yaml =>
        {
            var result = Load(yaml);
            return result.Rejected.All(r => r.Line >= 1 && r.Column >= 1 && r.Reason.Length > 0 && r.ReasonCategory.Length > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_detections_never_throw_and_every_rejection_is_located()
    {
        var keys = Gen.Elements("A", "A|contains", "A|re", "A|all", "A|cidr", "A|exists", "|all", "A|base64offset|contains",
            "A|windash", "A|gt", "A|fieldref", "A|expand", "A|cased", "A|neq", "A|hour", "A|wide", "A|bogus", "A|i", "");
        var values = Gen.Elements("1", "x", "'*'", "null", "true", "[]", "[a, b]", "[a, null]", "'(x'", "'10.0.0.0/8'",
            "'-e'", "{}", "'%P%'", "'\\\\*'", "0x17", "''", "[[1]]");
        var item = Gen.Two(keys).SelectMany(k => values, (k, v) => $"        {k.Item1}: {v}");
        var detection = Gen.NonEmptyListOf(item).SelectMany(_ => Gen.Elements("sel", "sel and not sel", "1 of s*", "all of them", "x", "sel |"),
            (items, condition) => "detection:\n    sel:\n" + string.Join('\n', items.Distinct()) + $"\n    condition: {condition}\n");
        Prop.ForAll(detection.ToArbitrary(), text =>
        {
            var result = Load("title: t\nlogsource: {product: x}\n" + text);
            return result.Rules.Count + result.Rejected.Count == 1
                && result.Rejected.All(r => r.Line >= 1 && r.Column >= 1 && r.Reason.Length > 0);
        }).QuickCheckThrowOnFailure();
    }
}
