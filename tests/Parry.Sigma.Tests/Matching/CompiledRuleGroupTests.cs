using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Events;
using Parry.Sigma.Matching;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Rules;
using Parry.TestSupport;

namespace Parry.Sigma.Tests.Matching;

public class CompiledRuleGroupTests
{
    [Fact]
    public void All_sigmahq_rules_as_one_group_agree_with_each_rule_alone_on_the_regression_events()
    {
        var fields = new FieldTableBuilder();
        var compiled = SigmaCorpus.Rules.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var group = CompiledRuleGroup.Create(compiled);
        var table = fields.Build();
        var events = Directory.EnumerateFiles(Corpora.SigmaRegressionData, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).SelectMany(f => JsonEvents.ReadFile(f, table)).ToList();
        events.Count.ShouldBeGreaterThan(200);
        var hits = new List<CompiledRule>();
        var total = 0;
        foreach (var e in events)
        {
            hits.Clear();
            group.Match(e, hits);
            hits.ShouldBe(compiled.Where(c => c.Matches(e)).ToList(), e.Origin.ToString());
            total += hits.Count;
        }
        total.ShouldBeGreaterThan(events.Count);
    }

    [Fact]
    public void Random_rules_and_events_agree_with_each_rule_alone()
    {
        var field = Gen.Elements("A", "B", "C");
        var value = Gen.Elements("ab", "b", "abc", "xyz", "a*", "*c", "*b*", "a?c", "", "1", "2", "null");
        var modifier = Gen.Elements("", "|contains", "|startswith", "|endswith", "|re", "|cased", "|neq", "|exists");
        var item =
            from f in field
            from m in modifier
            from v in value
            select m == "|exists" ? $"{f}|exists: true" : $"{f}{m}: '{v}'";
        var selection = Gen.NonEmptyListOf(item).Select(items => string.Join("\n        ", items.DistinctBy(i => i.Split(':')[0])));
        var condition = Gen.Elements("s1", "s1 and s2", "s1 or s2", "s1 and not s2", "not s1", "1 of s*", "all of them");
        var detection =
            from s1 in selection
            from s2 in selection
            from c in condition
            select $"s1:\n        {s1}\n    s2:\n        {s2}\n    condition: {c}";
        var eventValue = Gen.Elements("\"ab\"", "\"AB\"", "\"abc\"", "\"xyz\"", "\"b\"", "\"\"", "null", "1", "2", "\"a?c\"", "[\"ab\", \"xyz\"]");
        var @event =
            from a in eventValue
            from b in eventValue
            from onB in Gen.Elements(true, false)
            select onB ? $$"""{"A": {{a}}, "B": {{b}}}""" : $$"""{"A": {{a}}, "C": {{b}}}""";
        Prop.ForAll(Gen.ListOf(detection).ToArbitrary(), Gen.NonEmptyListOf(@event).ToArbitrary(), (detections, events) =>
            GroupAgreesWithEachRuleAlone(detections, events, "random.yml")).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_keyword_rules_and_events_agree_with_each_rule_alone(bool manyKeywords)
    {
        // A few keyword literals: one search of the event's whole text decides whether the values are searched
        // (records with non-ASCII text always are). Many (a rule of more literals than the whole-text search takes):
        // keyword literals are also indexed under every field that has an index, and the keyword pass skips the
        // values those fields scanned. Either way a keyword must still be found in an indexed field, in an
        // unindexed one, in a list item and in a nested value.
        var word = Gen.Elements("ab", "b", "abc", "xyz", "a*", "*c", "1", "bc");
        var keywords = Gen.NonEmptyListOf(word).Select(ws => "kw:\n        - " + string.Join("\n        - ", ws.Distinct().Select(w => $"'{w}'")));
        var item =
            from f in Gen.Elements("A", "B")
            from m in Gen.Elements("", "|contains", "|startswith", "|endswith")
            from v in word
            select $"{f}{m}: '{v}'";
        var condition = Gen.Elements("kw", "kw and s", "kw or s", "not kw and s", "s");
        var detection =
            from k in keywords
            from s in item
            from c in condition
            select $"{k}\n    s:\n        {s}\n    condition: {c}";
        var eventValue = Gen.Elements("\"ab\"", "\"XYZ\"", "\"abc\"", "\"b\"", "\"\"", "1", "\"zbc\"", "[\"q\", \"xyz\"]", "{\"N\": \"abc\"}", "\"ÄBC\"");
        var @event =
            from a in eventValue
            from b in eventValue
            from c in eventValue
            select $$"""{"A": {{a}}, "B": {{b}}, "C": {{c}}}""";
        var many = "kw:\n        - " + string.Join("\n        - ", Enumerable.Range(0, LiteralAutomatonBuilder.MaxGuardedLiterals + 1).Select(i => $"'filler{i}'")) + "\n    condition: kw";
        Prop.ForAll(Gen.NonEmptyListOf(detection).ToArbitrary(), Gen.NonEmptyListOf(@event).ToArbitrary(), (detections, events) =>
            GroupAgreesWithEachRuleAlone(manyKeywords ? [.. detections, many] : detections, events, "keywords.yml")).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_number_equality_rules_and_events_agree_with_each_rule_alone()
    {
        // Rules that are one field equal to one integer are candidates only for events whose value reads as that
        // integer, or whose value reads as no integer at all ("16.5", "0x10", a list item, a string).
        var number = Gen.Elements("16", "28", "-3", "0", "1.5", "0x10", "'16'");
        var detection =
            from f in Gen.Elements("EventID", "Other")
            from n in number
            from wrap in Gen.Elements(true, false)
            select wrap ? $"s:\n        {f}: {n}\n    condition: s" : $"s:\n        {f}:\n            - {n}\n    condition: s";
        var eventValue = Gen.Elements("16", "\"16\"", "\" 16 \"", "16.0", "\"16.0\"", "\"0x10\"", "null", "[16, 28]", "[\"x\", 28]",
            "\"abc\"", "28", "1.5", "-3", "\"-3\"", "0", "{\"N\": 16}");
        var @event =
            from a in eventValue
            from b in eventValue
            select $$"""{"EventID": {{a}}, "Other": {{b}}}""";
        Prop.ForAll(Gen.NonEmptyListOf(detection).ToArbitrary(), Gen.NonEmptyListOf(@event).ToArbitrary(), (detections, events) =>
            GroupAgreesWithEachRuleAlone(detections, events, "numbers.yml")).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_integer_equality_rule_is_no_candidate_for_another_integer()
    {
        var loaded = Parry.Sigma.Loading.SigmaLoader.LoadText("""
            title: config change
            logsource: {product: x}
            detection: {s: {EventID: 16}, condition: s}
            ---
            title: shredding
            logsource: {product: x}
            detection: {s: {EventID: 28}, condition: s}
            """, "eventid.yml");
        var fields = new FieldTableBuilder();
        var compiled = loaded.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var group = CompiledRuleGroup.Create(compiled);
        var table = fields.Build();
        group.Candidates(JsonEvents.FromJson("""{"EventID": 1}""", table)).ShouldBeEmpty();
        group.Candidates(JsonEvents.FromJson("""{"Image": "x"}""", table)).ShouldBeEmpty();
        group.Candidates(JsonEvents.FromJson("""{"EventID": "28"}""", table)).Select(c => c.Info.Title).ShouldBe(["shredding"]);
        group.Candidates(JsonEvents.FromJson("""{"EventID": "0x10"}""", table)).Count().ShouldBe(2);
        var hits = new List<CompiledRule>();
        group.Match(JsonEvents.FromJson("""{"EventID": 16}""", table), hits);
        hits.Select(h => h.Info.Title).ShouldBe(["config change"]);
    }

    [Fact]
    public void Rules_from_different_field_tables_cannot_share_a_group()
    {
        var rule = SigmaTestKit.Rule("sel:\n    A: 1\ncondition: sel");
        var a = SigmaCompiler.Compile(rule, IdentityFieldMapping.Instance, new FieldTableBuilder());
        var b = SigmaCompiler.Compile(rule, IdentityFieldMapping.Instance, new FieldTableBuilder());
        Should.Throw<ArgumentException>(() => CompiledRuleGroup.Create([a, b]));
    }

    [Fact]
    public void An_empty_group_matches_nothing()
    {
        var hits = new List<CompiledRule>();
        CompiledRuleGroup.Create([]).Match(JsonEvents.FromJson("{}", FieldTable.Empty), hits);
        hits.ShouldBeEmpty();
    }

    [Fact]
    public void Hits_come_in_group_order_and_the_index_skips_rules()
    {
        var loaded = Parry.Sigma.Loading.SigmaLoader.LoadText("""
            title: first
            logsource: {product: x}
            detection: {s: {Image|endswith: '\cmd.exe'}, condition: s}
            ---
            title: second
            logsource: {product: x}
            detection: {s: {CommandLine|contains: 'whoami'}, condition: s}
            ---
            title: third
            logsource: {product: x}
            detection: {s: {Image|endswith: '\cmd.exe', CommandLine|contains: '/c'}, condition: s}
            """, "order.yml");
        var fields = new FieldTableBuilder();
        var compiled = loaded.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        compiled.ShouldAllBe(c => c.IsIndexed);
        var group = CompiledRuleGroup.Create(compiled);
        group.AlwaysEvaluated.ShouldBe(0);
        var table = fields.Build();
        var e = JsonEvents.FromJson("""{"Image": "C:\\cmd.exe", "CommandLine": "cmd /c whoami"}""", table);
        var hits = new List<CompiledRule>();
        group.Match(e, hits);
        hits.Select(h => h.Info.Title).ShouldBe(["first", "second", "third"]);
        group.Candidates(JsonEvents.FromJson("""{"Image": "C:\\notepad.exe", "CommandLine": "notepad"}""", table)).ShouldBeEmpty();
    }

    [Fact]
    public void An_or_keeps_the_rare_requirement_of_an_and_beside_a_single_one()
    {
        // (Image contains '\windows\' and CommandLine contains '\..\..\') or CommandLine contains '.exe\..\':
        // an event whose image is under \windows\ but whose command line holds neither is no candidate.
        var loaded = Parry.Sigma.Loading.SigmaLoader.LoadText("""
            title: traversal
            logsource: {product: x}
            detection:
                selection_1: {Image|contains: '\Windows\', CommandLine|contains: '\..\..\'}
                selection_2: {CommandLine|contains: '.exe\..\'}
                condition: 1 of selection_*
            """, "either.yml");
        var fields = new FieldTableBuilder();
        var compiled = loaded.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var group = CompiledRuleGroup.Create(compiled);
        var table = fields.Build();
        group.Candidates(JsonEvents.FromJson("""{"Image": "C:\\Windows\\cmd.exe", "CommandLine": "cmd /c dir"}""", table)).ShouldBeEmpty();
        var hits = new List<CompiledRule>();
        group.Match(JsonEvents.FromJson("""{"Image": "C:\\Windows\\cmd.exe", "CommandLine": "cmd \\..\\..\\x"}""", table), hits);
        hits.Count.ShouldBe(1);
        hits.Clear();
        group.Match(JsonEvents.FromJson("""{"Image": "C:\\Tools\\x.exe", "CommandLine": "a.exe\\..\\b"}""", table), hits);
        hits.Count.ShouldBe(1);
    }

    [Fact]
    public void Regex_timeouts_are_reported_against_the_rule()
    {
        // A backreference needs the backtracking engine; this pattern backtracks exponentially on the value.
        var rule = SigmaTestKit.Rule("""
            sel:
                Text|re: '^(a+)+\1$'
            condition: sel
            """);
        var fields = new FieldTableBuilder();
        var compiled = SigmaCompiler.Compile(rule, IdentityFieldMapping.Instance, fields, new SigmaCompileOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var table = fields.Build();
        var e = JsonEvents.FromJson($$"""{"Text": "{{new string('a', 40)}}!"}""", table);
        var error = Should.Throw<RuleMatchException>(() => compiled.Matches(e));
        error.Rule.Id.ShouldBe(rule.Id);
        error.Message.ShouldContain("timed out");

        var errors = new List<RuleMatchError>();
        var hits = new List<CompiledRule>();
        CompiledRuleGroup.Create([compiled]).Match(e, hits, errors);
        hits.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().Rule.Id.ShouldBe(rule.Id);
    }

    [Fact]
    public void Field_mappings_map_and_multiply_fields()
    {
        var rule = SigmaTestKit.Rule("""
            sel:
                Image|endswith: '\cmd.exe'
            condition: sel
            """);
        var mapping = new DictionaryFieldMapping(new Dictionary<string, IReadOnlyList<string>> { ["Image"] = ["NewProcessName", "ProcessName"] });
        SigmaTestKit.Matches(rule, """{"NewProcessName": "C:\\cmd.exe"}""", mapping).ShouldBeTrue();
        SigmaTestKit.Matches(rule, """{"ProcessName": "C:\\cmd.exe"}""", mapping).ShouldBeTrue();
        SigmaTestKit.Matches(rule, """{"Image": "C:\\cmd.exe"}""", mapping).ShouldBeFalse();
        var nothing = new DictionaryFieldMapping(new Dictionary<string, IReadOnlyList<string>> { ["Image"] = [] });
        SigmaTestKit.Matches(rule, """{"Image": "C:\\cmd.exe"}""", nothing).ShouldBeFalse();
        var fields = new FieldTableBuilder();
        SigmaCompiler.Compile(rule, mapping, fields).EventFields.ShouldBe(["NewProcessName", "ProcessName"]);
    }

    /// <summary>The group's candidates-then-match answer for each event equals evaluating every rule on its own.</summary>
    private static bool GroupAgreesWithEachRuleAlone(IEnumerable<string> detections, IEnumerable<string> events, string file)
    {
        var yaml = string.Join("\n---\n", detections.Select((d, i) => $"title: r{i}\nlogsource: {{product: x}}\ndetection:\n    {d}"));
        var loaded = Parry.Sigma.Loading.SigmaLoader.LoadText(yaml, file);
        var fields = new FieldTableBuilder();
        var compiled = loaded.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var group = CompiledRuleGroup.Create(compiled);
        var table = fields.Build();
        foreach (var json in events)
        {
            var e = JsonEvents.FromJson(json, table);
            var hits = new List<CompiledRule>();
            group.Match(e, hits);
            if (!hits.SequenceEqual(compiled.Where(c => c.Matches(e))))
                return false;
        }
        return true;
    }
}
