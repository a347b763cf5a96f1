using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Values;

public class SigmaStringTests
{
    // The specification's escape rules (sigma-rules-specification, "Escape Character").
    [Theory]
    [InlineData(@"C:\Windows", @"C:\Windows")] // a plain backslash not before a wildcard stays
    [InlineData(@"C:\\Windows", @"C:\Windows")] // a doubled one is one backslash
    [InlineData(@"\*", "*")] // an escaped wildcard is a plain character
    [InlineData(@"\?", "?")]
    [InlineData(@"\\\*", @"\*")] // backslash and star, both plain
    [InlineData(@"\\\\", @"\\")] // four backslashes are two
    [InlineData(@"\\\", @"\\")] // three are two as well
    [InlineData(@"trailing\", @"trailing\")]
    public void Escapes_produce_plain_text(string raw, string plain)
    {
        var value = SigmaString.Parse(raw);
        value.IsPlain.ShouldBeTrue();
        value.PlainText.ShouldBe(plain);
    }

    [Fact]
    public void Escaped_backslash_before_a_wildcard_keeps_the_wildcard()
    {
        var value = SigmaString.Parse(@"C:\\*");
        value.Parts.Select(p => p.Kind).ShouldBe([StringPartKind.Literal, StringPartKind.AnyChars]);
        value.Parts[0].Text.ShouldBe(@"C:\");
    }

    [Fact]
    public void Wildcards_split_the_string()
    {
        var value = SigmaString.Parse("prog?.exe*");
        value.Parts.Select(p => p.Kind).ShouldBe(
            [StringPartKind.Literal, StringPartKind.OneChar, StringPartKind.Literal, StringPartKind.AnyChars]);
        value.HasWildcards.ShouldBeTrue();
    }

    [Fact]
    public void Runs_of_stars_collapse()
    {
        SigmaString.Parse("a***b").Parts.Count(p => p.Kind == StringPartKind.AnyChars).ShouldBe(1);
    }

    [Fact]
    public void Placeholders_only_under_expand()
    {
        SigmaString.Parse("%name%").IsPlain.ShouldBeTrue();
        var expanded = SigmaString.Parse(@"\%plain%name%", placeholders: true);
        expanded.Parts.Select(p => (p.Kind, p.Text)).ShouldBe(
            [(StringPartKind.Literal, "%plain"), (StringPartKind.Placeholder, "name")]);
    }

    [Fact]
    public void A_lone_percent_is_plain_under_expand()
    {
        SigmaString.Parse("100% sure", placeholders: true).IsPlain.ShouldBeTrue();
    }

    [Theory]
    [InlineData(@"C:\Windows\*")]
    [InlineData(@"a\*b?c")]
    [InlineData(@"\\server\share")]
    public void Writing_back_and_parsing_again_gives_the_same_string(string raw)
    {
        var value = SigmaString.Parse(raw);
        SigmaString.Parse(value.ToString()).Parts.ShouldBe(value.Parts);
    }

    // Parse builds its parts already merged; the oracle reads the characters one part each (escapes resolved) and
    // leaves the merging to Create.
    [Fact]
    public void Parse_gives_the_parts_create_merges_from_one_part_per_character()
    {
        var text = Gen.ArrayOf(Gen.Elements("ab\\*?%_x. ".ToCharArray())).Select(c => new string(c));
        Prop.ForAll(text.ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (raw, placeholders) =>
        {
            SigmaString.Parse(raw, placeholders).Parts.ShouldBe(SigmaString.Create(OnePartEach(raw, placeholders), cased: false).Parts, raw);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static List<StringPart> OnePartEach(string raw, bool placeholders)
    {
        var parts = new List<StringPart>();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                var escapes = i + 1 < raw.Length && (raw[i + 1] is '*' or '?' or '\\' || (placeholders && raw[i + 1] == '%'));
                parts.Add(StringPart.Literal(escapes ? raw[++i].ToString() : "\\"));
            }
            else if (c is '*' or '?')
            {
                parts.Add(c == '*' ? StringPart.AnyChars : StringPart.OneChar);
            }
            else if (placeholders && c == '%' && raw.IndexOf('%', i + 1) is var end and > 0 && end > i + 1
                && raw[(i + 1)..end].All(n => char.IsLetterOrDigit(n) || n is '_' or '-' or '.'))
            {
                parts.Add(StringPart.Placeholder(raw[(i + 1)..end]));
                i = end;
            }
            else
            {
                parts.Add(StringPart.Literal(c.ToString()));
            }
        }
        return parts;
    }

    [Fact]
    public void Create_merges_adjacent_literals_drops_empty_ones_and_collapses_stars()
    {
        var merged = SigmaString.Create(
            [StringPart.Literal("a"), StringPart.Literal(""), StringPart.Literal("b"), StringPart.AnyChars, StringPart.AnyChars,
             StringPart.Literal("c"), StringPart.Literal("d"), StringPart.Literal("e"), StringPart.OneChar], cased: false);
        merged.Parts.ShouldBe([StringPart.Literal("ab"), StringPart.AnyChars, StringPart.Literal("cde"), StringPart.OneChar]);
        SigmaString.Create([StringPart.Literal("")], cased: true).Parts.ShouldBeEmpty();
        SigmaString.Parse("").Parts.ShouldBeEmpty();
        SigmaString.FromLiteral("").Parts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("plain")] // no special character: one literal, the text itself
    [InlineData("")]
    [InlineData("?a")]
    [InlineData("a?")]
    [InlineData("*a*")]
    [InlineData("*")]
    public void Adding_stars_at_the_ends_gives_what_Create_gives(string raw)
    {
        var value = SigmaString.Parse(raw);
        value.WithLeadingAnyChars().Parts.ShouldBe(SigmaString.Create([StringPart.AnyChars, .. value.Parts], false).Parts);
        value.WithTrailingAnyChars().Parts.ShouldBe(SigmaString.Create([.. value.Parts, StringPart.AnyChars], false).Parts);
        value.WithLeadingAnyChars().WithTrailingAnyChars().PlainText.ShouldBe(
            SigmaString.Create([StringPart.AnyChars, .. value.Parts, StringPart.AnyChars], false).PlainText);
    }
}
