using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Matching;

/// <summary>Sigma's value semantics (sigma-rules-specification, "Detection"), decided on events.</summary>
public class ValueSemanticsTests
{
    [Theory]
    [InlineData("""{"Image": "C:\\Windows\\System32\\whoami.exe"}""", true)]
    [InlineData("""{"Image": "c:\\windows\\system32\\WHOAMI.EXE"}""", true)] // case-insensitive by default
    [InlineData("""{"Image": "C:\\Windows\\System32\\whoami.exe "}""", false)] // the whole value
    [InlineData("""{"Other": "C:\\Windows\\System32\\whoami.exe"}""", false)]
    public void Plain_string_equals_the_whole_value(string json, bool expected)
    {
        Matches("""
            selection:
                Image: 'C:\Windows\System32\whoami.exe'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("progA.exe", true)]
    [InlineData("PROGB.EXE", true)]
    [InlineData("prog.exe", false)] // ? needs exactly one character
    [InlineData("progAB.exe", false)]
    public void Question_mark_is_one_character(string value, bool expected)
    {
        Matches("""
            selection:
                Image: 'prog?.exe'
            condition: selection
            """, $$"""{"Image": "{{value}}"}""").ShouldBe(expected);
    }

    [Theory]
    [InlineData("antivirus_V1.exe", true)]
    [InlineData("antivirus_V21.2.1.exe", true)]
    [InlineData("antivirus_V.exe", true)]
    [InlineData("antivirus_V1.dll", false)]
    public void Star_is_any_run(string value, bool expected)
    {
        Matches("""
            selection:
                Image: 'antivirus_V*.exe'
            condition: selection
            """, $$"""{"Image": "{{value}}"}""").ShouldBe(expected);
    }

    [Theory]
    [InlineData("a*b", true)]
    [InlineData("axb", false)]
    public void Escaped_star_is_a_plain_star(string value, bool expected)
    {
        Matches("""
            selection:
                Field: 'a\*b'
            condition: selection
            """, $$"""{"Field": "{{value}}"}""").ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"EventLog": "Security", "EventID": 517}""", true)]
    [InlineData("""{"EventLog": "Security", "EventID": 1102}""", true)]
    [InlineData("""{"EventLog": "Security", "EventID": "1102"}""", true)] // the number as a string
    [InlineData("""{"EventLog": "Security", "EventID": 4624}""", false)]
    [InlineData("""{"EventLog": "System", "EventID": 517}""", false)] // maps are AND
    public void Maps_are_and_lists_are_or(string json, bool expected)
    {
        Matches("""
            selection:
                EventLog: Security
                EventID:
                    - 517
                    - 1102
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Image": "C:\\x\\example.exe", "Description": "other"}""", true)]
    [InlineData("""{"Image": "C:\\x\\other.exe", "Description": "A Test executable here"}""", true)]
    [InlineData("""{"Image": "C:\\x\\other.exe", "Description": "other"}""", false)]
    public void List_of_maps_is_or(string json, bool expected)
    {
        Matches("""
            selection:
                - Image|endswith: '\example.exe'
                - Description|contains: 'Test executable'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"TicketOptions": "0x40810000", "TicketEncryption": "0x17"}""", true)]
    [InlineData("""{"TicketOptions": "0x40810000", "TicketEncryption": "0x18"}""", false)]
    public void Quoted_hex_stays_a_string(string json, bool expected)
    {
        Matches("""
            selection:
                TicketOptions: '0x40810000'
                TicketEncryption: '0x17'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Code": "0x17"}""", true)]
    [InlineData("""{"Code": 23}""", true)]
    [InlineData("""{"Code": "23"}""", true)]
    [InlineData("""{"Code": "0x18"}""", false)]
    public void Unquoted_hex_is_the_number_or_its_text(string json, bool expected)
    {
        Matches("""
            selection:
                Code: 0x17
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"EventID": 4688}""", true)]
    [InlineData("""{"EventID": "4688"}""", true)]
    [InlineData("""{"EventID": 4688.0}""", true)]
    [InlineData("""{"EventID": "04688"}""", true)]
    [InlineData("""{"EventID": 46880}""", false)]
    [InlineData("""{"EventID": "4688a"}""", false)]
    [InlineData("""{"EventID": null}""", false)]
    [InlineData("""{"EventID": [1, 4688]}""", true)] // any item of a list
    public void Numbers_compare_numerically(string json, bool expected)
    {
        Matches("""
            selection:
                EventID: 4688
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("off")]
    public void Yaml_11_booleans_are_strings(string word)
    {
        var detection = $"""
            selection:
                Flag: {word}
            condition: selection
            """;
        Matches(detection, $$"""{"Flag": "{{word}}"}""").ShouldBeTrue();
        Matches(detection, """{"Flag": true}""").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"Signed": true}""", true)]
    [InlineData("""{"Signed": "true"}""", true)]
    [InlineData("""{"Signed": "True"}""", true)]
    [InlineData("""{"Signed": false}""", false)]
    public void True_matches_boolean_and_text(string json, bool expected)
    {
        Matches("""
            selection:
                Signed: true
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"EventID": 4738}""", true)] // missing
    [InlineData("""{"EventID": 4738, "PasswordLastSet": null}""", true)] // JSON null
    [InlineData("""{"EventID": 4738, "PasswordLastSet": ""}""", false)] // empty is not null
    [InlineData("""{"EventID": 4738, "PasswordLastSet": "-"}""", false)]
    public void Null_is_missing_or_null(string json, bool expected)
    {
        Matches("""
            selection:
                EventID: 4738
            filter:
                PasswordLastSet: null
            condition: selection and filter
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"EventID": 4738, "PasswordLastSet": "2024-01-01"}""", true)]
    [InlineData("""{"EventID": 4738}""", false)]
    [InlineData("""{"EventID": 4738, "PasswordLastSet": null}""", false)]
    public void Not_null_is_the_negated_selection(string json, bool expected)
    {
        Matches("""
            selection:
                EventID: 4738
            filter:
                PasswordLastSet: null
            condition: selection and not filter
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"c-useragent": ""}""", true)]
    [InlineData("""{"c-useragent": "curl"}""", false)]
    [InlineData("""{"c-useragent": null}""", false)]
    [InlineData("""{}""", false)]
    public void Empty_string_matches_only_empty(string json, bool expected)
    {
        Matches("""
            selection:
                c-useragent: ''
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"a": "x", "b": "the event::clear happened"}""", true)]
    [InlineData("""{"nested": {"deep": ["SVCHOST.EXE -N EVIL"]}}""", true)]
    [InlineData("""{"a": "event::"}""", false)]
    public void Keywords_search_every_value(string json, bool expected)
    {
        Matches("""
            keywords:
                - 'event::clear'
                - 'svchost.exe -n evil'
            condition: keywords
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"msg": "New-OabVirtualDirectory -ExternalUrl http://x"}""", true)]
    [InlineData("""{"a": "OabVirtualDirectory", "b": "Set -ExternalUrl x"}""", true)]
    [InlineData("""{"msg": "OabVirtualDirectory"}""", false)]
    public void Keywords_with_all_need_every_keyword(string json, bool expected)
    {
        Matches("""
            keywords_cmdlet:
                '|all':
                    - 'OabVirtualDirectory'
                    - ' -ExternalUrl '
            condition: keywords_cmdlet
            """, json).ShouldBe(expected);
    }

    [Fact]
    public void A_single_keyword_value_is_a_keyword_search()
    {
        Matches("""
            keywords: 'needle'
            condition: keywords
            """, """{"x": "haystack with a NEEDLE"}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"Event": {"System": {"EventID": 4688, "Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}}}, "EventData": {"NewProcessName": "C:\\x\\cmd.exe"}}}""", true)]
    [InlineData("""{"Event": {"System": {"EventID": 4689, "Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}}}, "EventData": {"NewProcessName": "C:\\x\\cmd.exe"}}}""", false)]
    public void Evtx_shaped_records_answer_to_sigma_short_names(string json, bool expected)
    {
        Matches("""
            selection:
                EventID: 4688
                Provider_Name: 'Microsoft-Windows-Security-Auditing'
                NewProcessName|endswith: '\cmd.exe'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Fact]
    public void Dotted_paths_reach_nested_fields()
    {
        Matches("""
            selection:
                userIdentity.arn|contains: ':root'
            condition: selection
            """, """{"userIdentity": {"arn": "arn:aws:iam::123:root"}}""").ShouldBeTrue();
    }
}
