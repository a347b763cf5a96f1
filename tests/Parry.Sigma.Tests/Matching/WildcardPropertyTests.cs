using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Matching;

/// <summary>Wildcard and string-modifier matching checked against simple reference implementations.</summary>
public class WildcardPropertyTests
{
    // A small alphabet makes matches likely; it includes the special characters and case pairs.
    private static readonly Gen<string> Text = Gen.ArrayOf(Gen.Elements('a', 'b', 'A', 'B', '*', '?', '\\', '.')).Select(c => new string(c));
    private static readonly Gen<string> Pattern = Gen.ArrayOf(Gen.Elements('a', 'b', 'A', '*', '?', '\\', '.')).Select(c => new string(c));

    /// <summary>The oracle: the Sigma string turned into an anchored .NET regular expression.</summary>
    private static bool Oracle(SigmaString pattern, string text, bool cased)
    {
        var regex = new StringBuilder("^");
        foreach (var part in pattern.Parts)
        {
            regex.Append(part.Kind switch
            {
                StringPartKind.AnyChars => ".*",
                StringPartKind.OneChar => ".",
                _ => Regex.Escape(part.Text),
            });
        }
        regex.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (cased ? RegexOptions.None : RegexOptions.IgnoreCase);
        return Regex.IsMatch(text, regex.ToString(), options);
    }

    [Fact]
    public void Glob_matching_agrees_with_a_regex_oracle()
    {
        Prop.ForAll(Pattern.ToArbitrary(), Text.ToArbitrary(), (raw, text) =>
        {
            var pattern = SigmaString.Parse(raw);
            var glob = GlobPattern.Compile(pattern.Parts, cased: false);
            return glob.IsMatch(text.ToLowerInvariant()) == Oracle(pattern, text, cased: false);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cased_glob_matching_agrees_with_a_regex_oracle()
    {
        Prop.ForAll(Pattern.ToArbitrary(), Text.ToArbitrary(), (raw, text) =>
        {
            var pattern = SigmaString.Parse(raw);
            return GlobPattern.Compile(pattern.Parts, cased: true).IsMatch(text) == Oracle(pattern, text, cased: true);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rule_matching_with_every_string_modifier_agrees_with_the_oracle()
    {
        var modifier = Gen.Elements("", "|contains", "|startswith", "|endswith", "|cased", "|contains|cased");
        Prop.ForAll(Pattern.ToArbitrary(), Text.ToArbitrary(), modifier.ToArbitrary(), (raw, text, mod) =>
        {
            var pattern = SigmaString.Parse(raw);
            if (mod.Contains("contains") || mod.Contains("startswith"))
                pattern = pattern.WithTrailingAnyChars();
            if (mod.Contains("contains") || mod.Contains("endswith"))
                pattern = pattern.WithLeadingAnyChars();
            var expected = Oracle(pattern, text, mod.Contains("cased"));
            var rule = SigmaTestKit.Rule($"""
                selection:
                    Field{mod}: '{raw.Replace("'", "''")}'
                condition: selection
                """);
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Field"] = text });
            return SigmaTestKit.Matches(rule, json) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Escaping_a_literal_round_trips()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var literal = SigmaString.FromLiteral(text);
            var parsed = SigmaString.Parse(literal.ToString());
            return parsed.IsPlain && parsed.PlainText == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Contains_lists_agree_with_naive_search()
    {
        var literals = Gen.NonEmptyListOf(Gen.ArrayOf(Gen.Elements('a', 'b', 'c')).Where(a => a.Length > 0).Select(c => new string(c)));
        var texts = Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'd')).Select(c => new string(c));
        Prop.ForAll(literals.ToArbitrary(), texts.ToArbitrary(), (list, text) =>
        {
            var test = new ContainsTest(list, cased: true);
            return test.TestText(text) == list.Any(l => text.Contains(l, StringComparison.Ordinal));
        }).QuickCheckThrowOnFailure();
    }
}
