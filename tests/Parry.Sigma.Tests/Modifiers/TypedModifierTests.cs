using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Modifiers;

public class TypedModifierTests
{
    [Theory]
    [InlineData("""{"EventID": 4738, "PasswordLastSet": "x"}""", true)]
    [InlineData("""{"EventID": 4738, "PasswordLastSet": ""}""", true)] // presence, whatever the value
    [InlineData("""{"EventID": 4738, "PasswordLastSet": null}""", true)]
    [InlineData("""{"EventID": 4738}""", false)]
    public void Exists_true(string json, bool expected)
    {
        Matches("""
            selection:
                EventID: 4738
                PasswordLastSet|exists: true
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"A": 1}""", true)]
    [InlineData("""{"A": 1, "B": "x"}""", false)]
    public void Exists_false(string json, bool expected)
    {
        Matches("""
            selection:
                A: 1
                B|exists: false
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Size": 11}""", "gt", true)]
    [InlineData("""{"Size": 10}""", "gt", false)]
    [InlineData("""{"Size": 10}""", "gte", true)]
    [InlineData("""{"Size": "9"}""", "lt", true)]
    [InlineData("""{"Size": 10.5}""", "lte", false)]
    [InlineData("""{"Size": 10}""", "lte", true)]
    [InlineData("""{"Size": "big"}""", "gt", false)]
    [InlineData("""{}""", "lt", false)]
    public void Numeric_comparisons(string json, string modifier, bool expected)
    {
        Matches($"""
            selection:
                Size|{modifier}: 10
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Status": "0x1"}""", true)]
    [InlineData("""{"Status": "0x0"}""", false)]
    [InlineData("""{}""", true)] // not equal: also when the field is missing (the item is negated)
    public void Neq_negates_the_item(string json, bool expected)
    {
        Matches("""
            selection:
                Status|neq: '0x0'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"LogonType": 2}""", true)]
    [InlineData("""{"LogonType": 3}""", false)]
    [InlineData("""{"LogonType": 10}""", false)]
    public void Neq_with_a_list_is_none_of_them(string json, bool expected)
    {
        Matches("""
            selection:
                LogonType|neq:
                    - 3
                    - 10
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("192.168.0.9", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("not-an-ip", false)]
    public void Cidr_v4_and_v6(string address, bool expected)
    {
        Matches("""
            selection:
                DestinationIp|cidr:
                    - '10.0.0.0/8'
                    - '192.168.0.0/16'
                    - '::1/128'
            condition: selection
            """, $$"""{"DestinationIp": "{{address}}"}""").ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"TargetFilename": "C:\\a\\b.exe", "Image": "c:\\A\\B.EXE"}""", true)]
    [InlineData("""{"TargetFilename": "C:\\a\\b.exe", "Image": "C:\\a\\c.exe"}""", false)]
    [InlineData("""{"TargetFilename": "C:\\a\\b.exe"}""", false)]
    public void Fieldref_compares_two_fields(string json, bool expected)
    {
        Matches("""
            selection:
                TargetFilename|fieldref: Image
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("startswith", """{"Path": "C:\\tools\\x.exe", "Dir": "C:\\Tools"}""", true)]
    [InlineData("endswith", """{"Path": "C:\\tools\\x.exe", "Dir": "X.exe"}""", true)]
    [InlineData("contains", """{"Path": "C:\\tools\\x.exe", "Dir": "TOOLS"}""", true)]
    [InlineData("contains", """{"Path": "C:\\tools\\x.exe", "Dir": "bin"}""", false)]
    public void Fieldref_with_string_modifiers(string modifier, string json, bool expected)
    {
        Matches($"""
            selection:
                Path|fieldref|{modifier}: Dir
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"User": "alice", "ParentUser": "bob"}""", true)]
    [InlineData("""{"User": "alice", "ParentUser": "ALICE"}""", false)]
    public void Fieldref_with_neq(string json, bool expected)
    {
        Matches("""
            selection:
                User|fieldref|neq: ParentUser
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Fact]
    public void Fieldref_cased()
    {
        var detection = """
            selection:
                A|fieldref|cased: B
            condition: selection
            """;
        Matches(detection, """{"A": "x", "B": "x"}""").ShouldBeTrue();
        Matches(detection, """{"A": "x", "B": "X"}""").ShouldBeFalse();
    }

    [Theory]
    [InlineData("minute", 40, true)]
    [InlineData("hour", 7, true)]
    [InlineData("hour", 8, false)]
    [InlineData("day", 27, true)]
    [InlineData("week", 48, true)] // ISO week of 2025-11-27
    [InlineData("month", 11, true)]
    [InlineData("year", 2025, true)]
    [InlineData("year", 2024, false)]
    public void Time_parts_of_a_timestamp(string modifier, int value, bool expected)
    {
        Matches($"""
            selection:
                UtcTime|{modifier}: {value}
            condition: selection
            """, """{"UtcTime": "2025-11-27 07:40:10.132"}""").ShouldBe(expected);
    }

    [Fact]
    public void Time_parts_ignore_the_offset_as_written()
    {
        Matches("""
            selection:
                T|hour: 23
            condition: selection
            """, """{"T": "2025-11-27T23:10:00+05:00"}""").ShouldBeTrue();
    }

    [Fact]
    public void Time_parts_of_unix_time()
    {
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        Matches("""
            selection:
                Epoch|hour: 22
            condition: selection
            """, """{"Epoch": 1700000000}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"CommandLine": "cmd /c whoami /all"}""", true)]
    [InlineData("""{"CommandLine": "cmd /c WHOAMI /all"}""", false)] // case-sensitive by default
    public void Re_is_case_sensitive_by_default(string json, bool expected)
    {
        Matches("""
            selection:
                CommandLine|re: 'whoami\s+/all'
            condition: selection
            """, json).ShouldBe(expected);
    }

    [Fact]
    public void Re_i_ignores_case()
    {
        Matches("""
            selection:
                CommandLine|re|i: 'whoami\s+/all'
            condition: selection
            """, """{"CommandLine": "WHOAMI /ALL"}""").ShouldBeTrue();
    }

    [Fact]
    public void Re_m_anchors_at_lines()
    {
        var multiline = """
            selection:
                Text|re|m: '^second$'
            condition: selection
            """;
        var plain = """
            selection:
                Text|re: '^second$'
            condition: selection
            """;
        const string json = """{"Text": "first\nsecond\nthird"}""";
        Matches(multiline, json).ShouldBeTrue();
        Matches(plain, json).ShouldBeFalse();
    }

    [Fact]
    public void Re_s_lets_dot_cross_lines()
    {
        const string json = """{"Text": "begin\nend"}""";
        Matches("""
            selection:
                Text|re|s: 'begin.end'
            condition: selection
            """, json).ShouldBeTrue();
        Matches("""
            selection:
                Text|re: 'begin.end'
            condition: selection
            """, json).ShouldBeFalse();
    }

    [Fact]
    public void Re_with_backreference_runs_on_the_backtracking_engine()
    {
        Matches("""
            selection:
                Text|re: '(ab)\1'
            condition: selection
            """, """{"Text": "xxababyy"}""").ShouldBeTrue();
    }

    [Fact]
    public void Re_is_searched_anywhere()
    {
        Matches("""
            selection:
                Text|re: 'b+c'
            condition: selection
            """, """{"Text": "aaabbbcdd"}""").ShouldBeTrue();
    }
}
