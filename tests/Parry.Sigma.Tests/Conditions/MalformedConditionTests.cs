using Parry.Sigma.Conditions;

namespace Parry.Sigma.Tests.Conditions;

public class MalformedConditionTests
{
    private static readonly string[] Identifiers = ["selection", "filter", "filter_a", "_hidden"];

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("selection and", 13, "found the end")]
    [InlineData("and selection", 0, "found 'and'")]
    [InlineData("selection filter", 10, "unexpected 'filter'")]
    [InlineData("(selection", 10, "is not closed")]
    [InlineData("selection)", 9, "no matching '('")]
    [InlineData("()", 1, "empty parentheses")]
    [InlineData("not", 3, "found the end")]
    [InlineData("selection or or filter", 13, "found 'or'")]
    [InlineData("1 of", 4, "must be followed by")]
    [InlineData("1 of (selection)", 5, "must be followed by")]
    [InlineData("one of filter*", 0, "quantifier")]
    [InlineData("0 of filter*", 0, "quantifier")]
    [InlineData("-1 of filter*", 0, "quantifier")]
    [InlineData("them", 0, "only valid after")]
    [InlineData("filter*", 0, "wildcards are only valid")]
    public void Syntax_errors_name_the_position(string condition, int position, string message)
    {
        var error = Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse(condition, Identifiers));
        error.Position.ShouldBe(position);
        error.Message.ShouldContain(message);
        error.Category.ShouldBe(RejectionCategories.ConditionSyntax);
    }

    [Fact]
    public void Undefined_identifier_lists_the_defined_ones()
    {
        var error = Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse("selection and filtr", Identifiers));
        error.Category.ShouldBe(RejectionCategories.UndefinedIdentifier);
        error.Position.ShouldBe(14);
        error.Message.ShouldContain("'filtr'");
        error.Message.ShouldContain("selection, filter, filter_a, _hidden");
    }

    [Theory]
    [InlineData("1 of nothing_*")]
    [InlineData("all of sel")]
    [InlineData("3 of filter*")]
    public void Patterns_that_match_too_little_are_rejected(string condition)
    {
        Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse(condition, Identifiers))
            .Category.ShouldBe(RejectionCategories.PatternMatchesNothing);
    }

    [Fact]
    public void Them_with_only_underscore_identifiers_matches_nothing()
    {
        Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse("1 of them", ["_a", "_b"]))
            .Category.ShouldBe(RejectionCategories.PatternMatchesNothing);
    }

    [Theory]
    [InlineData("selection | count() by User > 5", 10)]
    [InlineData("selection | near filter", 10)]
    [InlineData("(selection | count() > 3)", 11)]
    public void Aggregations_are_rejected_with_a_pointer_to_correlations(string condition, int position)
    {
        var error = Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse(condition, Identifiers));
        error.Category.ShouldBe(RejectionCategories.UnsupportedAggregation);
        error.Position.ShouldBe(position);
        error.Message.ShouldContain("correlation");
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var deep = new string('(', 100_000) + "selection" + new string(')', 100_000);
        Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse(deep, Identifiers)).Message.ShouldContain("nests deeper");
        var nots = string.Concat(Enumerable.Repeat("not ", 100_000)) + "selection";
        Should.Throw<ConditionSyntaxException>(() => ConditionParser.Parse(nots, Identifiers)).Message.ShouldContain("nests deeper");
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var nested = new string('(', ConditionParser.MaxDepth) + "selection" + new string(')', ConditionParser.MaxDepth);
        ConditionParser.Parse(nested, Identifiers).ShouldBeOfType<IdentifierCondition>();
    }

    [Fact]
    public void Long_flat_conditions_parse()
    {
        var wide = string.Join(" or ", Enumerable.Repeat("selection", 50_000));
        ConditionParser.Parse(wide, Identifiers).ShouldBeOfType<OrCondition>().Operands.Count.ShouldBe(50_000);
    }
}
