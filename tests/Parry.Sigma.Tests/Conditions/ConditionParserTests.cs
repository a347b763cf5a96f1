using Parry.Sigma.Conditions;

namespace Parry.Sigma.Tests.Conditions;

public class ConditionParserTests
{
    private static readonly string[] Identifiers =
        ["selection", "selection_img", "selection_cli", "filter_main", "filter_optional", "keywords", "keywords2", "_internal", "1", "all"];

    private static string Parse(string condition) => ConditionParser.Parse(condition, Identifiers).ToString()!;

    [Theory]
    [InlineData("selection", "selection")]
    [InlineData("selection and keywords", "(selection and keywords)")]
    [InlineData("selection or keywords", "(selection or keywords)")]
    [InlineData("not selection", "not selection")]
    // and binds tighter than or
    [InlineData("selection or keywords and keywords2", "(selection or (keywords and keywords2))")]
    [InlineData("selection and keywords or keywords2", "((selection and keywords) or keywords2)")]
    // not binds tighter than and
    [InlineData("not selection and keywords", "(not selection and keywords)")]
    [InlineData("selection and not keywords or keywords2", "((selection and not keywords) or keywords2)")]
    [InlineData("not not selection", "not not selection")]
    // parentheses bind tightest
    [InlineData("selection and (keywords or keywords2)", "(selection and (keywords or keywords2))")]
    [InlineData("not (selection or keywords)", "not (selection or keywords)")]
    [InlineData("((selection))", "selection")]
    // chains stay flat
    [InlineData("selection or keywords or keywords2", "(selection or keywords or keywords2)")]
    // keywords in any letter case
    [InlineData("selection AND NOT keywords", "(selection and not keywords)")]
    public void Precedence(string condition, string expected) => Parse(condition).ShouldBe(expected);

    [Theory]
    [InlineData("1 of selection*", OfQuantifier.AtLeast, 1, new[] { "selection", "selection_img", "selection_cli" })]
    [InlineData("any of selection_*", OfQuantifier.AtLeast, 1, new[] { "selection_img", "selection_cli" })]
    [InlineData("all of filter_*", OfQuantifier.All, 0, new[] { "filter_main", "filter_optional" })]
    [InlineData("all of them", OfQuantifier.All, 0, new[] { "selection", "selection_img", "selection_cli", "filter_main", "filter_optional", "keywords", "keywords2", "1", "all" })]
    [InlineData("1 of them", OfQuantifier.AtLeast, 1, new[] { "selection", "selection_img", "selection_cli", "filter_main", "filter_optional", "keywords", "keywords2", "1", "all" })]
    [InlineData("2 of selection*", OfQuantifier.AtLeast, 2, new[] { "selection", "selection_img", "selection_cli" })]
    [InlineData("1 of *_img", OfQuantifier.AtLeast, 1, new[] { "selection_img" })]
    [InlineData("1 of *word*", OfQuantifier.AtLeast, 1, new[] { "keywords", "keywords2" })]
    [InlineData("1 of _*", OfQuantifier.AtLeast, 1, new[] { "_internal" })] // a pattern starting with _ may name _ identifiers
    public void X_of_resolves_identifiers(string condition, OfQuantifier quantifier, int count, string[] resolved)
    {
        var of = ConditionParser.Parse(condition, Identifiers).ShouldBeOfType<OfCondition>();
        of.Quantifier.ShouldBe(quantifier);
        if (quantifier == OfQuantifier.AtLeast)
            of.Count.ShouldBe(count);
        of.Resolved.ShouldBe(resolved);
    }

    [Fact]
    public void Them_leaves_out_underscore_identifiers()
    {
        ConditionParser.Parse("1 of them", Identifiers).ShouldBeOfType<OfCondition>().Resolved.ShouldNotContain("_internal");
    }

    [Fact]
    public void X_of_binds_tighter_than_not_and_and()
    {
        Parse("1 of selection* and not 1 of filter*").ShouldBe("(1 of selection* and not 1 of filter*)");
        Parse("not all of filter_* or keywords").ShouldBe("(not all of filter_* or keywords)");
    }

    [Fact]
    public void Identifiers_named_like_quantifiers_still_work_alone()
    {
        Parse("1 and all").ShouldBe("(1 and all)");
    }

    [Fact]
    public void The_real_rule_condition_spread_over_lines()
    {
        Parse("""
            selection_img and
            (
                1 of selection_cli
                or
                (keywords and not filter_main)
                or
                (all of selection_* and not 1 of filter_*)
            )
            """).ShouldBe("(selection_img and (1 of selection_cli or (keywords and not filter_main) or (all of selection_* and not 1 of filter_*)))");
    }

    [Fact]
    public void Positions_point_at_the_tokens()
    {
        var and = ConditionParser.Parse("selection and not keywords", Identifiers).ShouldBeOfType<AndCondition>();
        and.Operands[1].Position.ShouldBe(14);
        and.Operands[1].ShouldBeOfType<NotCondition>().Operand.Position.ShouldBe(18);
    }
}
