using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Conditions;

namespace Parry.Sigma.Tests.Conditions;

public class ConditionParserPropertyTests
{
    private static readonly string[] Identifiers = ["sel", "sel_a", "filter", "_x"];

    private static readonly string[] Tokens =
        ["sel", "sel_a", "filter", "_x", "sel*", "*", "them", "and", "or", "not", "of", "1", "all", "any", "2", "0",
         "(", ")", "|", "count()", "by", ">", "AND", "Not", "unknown", "\t", "\n", " ", "é", "\u0000"];

    [Fact]
    public void Random_token_soup_either_parses_or_is_a_located_rejection()
    {
        var soup = Gen.ListOf(Gen.Elements(Tokens)).Select(parts => string.Join(" ", parts));
        Prop.ForAll(soup.ToArbitrary(), text =>
        {
            try
            {
                ConditionParser.Parse(text, Identifiers).ShouldNotBeNull();
                return true;
            }
            catch (ConditionSyntaxException e)
            {
                return e.Position >= 0 && e.Position <= text.Length && e.Message.Length > 0 && e.Category.Length > 0;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_characters_either_parse_or_are_a_located_rejection()
    {
        var text = Gen.ArrayOf(Gen.Elements("sel or and not ()|*_1 \n\t{}[]'\"%\\é".ToCharArray())).Select(chars => new string(chars));
        Prop.ForAll(text.ToArbitrary(), condition =>
        {
            try
            {
                ConditionParser.Parse(condition, Identifiers);
                return true;
            }
            catch (ConditionSyntaxException e)
            {
                return e.Position >= 0 && e.Position <= condition.Length;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Printing_a_parsed_condition_and_parsing_it_again_gives_the_same_tree()
    {
        var leaf = Gen.Elements("sel", "sel_a", "filter", "1 of sel*", "all of them", "any of filter");
        var tree = Gen.Sized(size => Build(leaf, Math.Min(size, 6)));
        Prop.ForAll(tree.ToArbitrary(), condition =>
        {
            var once = ConditionParser.Parse(condition, Identifiers).ToString()!;
            var twice = ConditionParser.Parse(once, Identifiers).ToString();
            return once == twice;
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<string> Build(Gen<string> leaf, int depth) => depth <= 0
        ? leaf
        : Gen.OneOf(
            leaf,
            Build(leaf, depth - 1).Select(x => $"not {x}"),
            Build(leaf, depth - 1).Select(x => $"({x})"),
            Gen.Two(Build(leaf, depth - 1)).Select(p => $"{p.Item1} and {p.Item2}"),
            Gen.Two(Build(leaf, depth - 1)).Select(p => $"{p.Item1} or {p.Item2}"));
}
