using Parry.Core.Events;
using Parry.Sigma.Matching;
using Parry.Sigma.Matching.Prefilter;
using Parry.TestSupport;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class LiteralIndexCacheTests
{
    private static FieldLiteralIndexBuilder Builder(int field, params (string Text, LiteralAnchor Anchor, int Slot)[] literals)
    {
        var builder = new FieldLiteralIndexBuilder();
        foreach (var (text, anchor, slot) in literals)
            builder.Add(new RequiredLiteral(field, text, anchor), new LiteralHit(slot, 0));
        return builder;
    }

    [Fact]
    public void Equal_literals_for_equal_slots_share_one_index_whatever_the_field()
    {
        var cache = new LiteralIndexCache();
        var first = Builder(1, ("abc", LiteralAnchor.Anywhere, 0), ("x", LiteralAnchor.Start, 1)).Build(cache);
        var second = Builder(7, ("abc", LiteralAnchor.Anywhere, 0), ("x", LiteralAnchor.Start, 1)).Build(cache);
        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void Another_slot_anchor_or_text_builds_its_own_index()
    {
        var cache = new LiteralIndexCache();
        var first = Builder(1, ("abc", LiteralAnchor.Anywhere, 0)).Build(cache);
        Builder(1, ("abc", LiteralAnchor.Anywhere, 1)).Build(cache).ShouldNotBeSameAs(first);
        Builder(1, ("abc", LiteralAnchor.Exact, 0)).Build(cache).ShouldNotBeSameAs(first);
        Builder(1, ("abd", LiteralAnchor.Anywhere, 0)).Build(cache).ShouldNotBeSameAs(first);
        Builder(1, ("abc", LiteralAnchor.Anywhere, 0), ("abc", LiteralAnchor.Anywhere, 0)).Build(cache).ShouldNotBeSameAs(first);
    }

    [Fact]
    public void Groups_sharing_indexes_match_as_groups_built_alone()
    {
        // The same rules under two field mappings (as Sysmon and Security process creation): the shared indexes
        // must still mark each group's own rules.
        var fields = new FieldTableBuilder();
        var rules = SigmaCorpus.Rules.Rules.Where(r => r.LogSource.Category == "process_creation").Take(300).ToList();
        var renamed = new DictionaryFieldMapping(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Image"] = ["NewProcessName"] });
        var sysmon = rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var security = rules.Select(r => SigmaCompiler.Compile(r, renamed, fields)).ToList();
        var cache = new LiteralIndexCache();
        var sharedSysmon = CompiledRuleGroup.Create(sysmon, cache);
        var sharedSecurity = CompiledRuleGroup.Create(security, cache);
        var aloneSysmon = CompiledRuleGroup.Create(sysmon);
        var aloneSecurity = CompiledRuleGroup.Create(security);
        var table = fields.Build();
        var events = Directory.EnumerateFiles(Corpora.SigmaRegressionData, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).SelectMany(f => JsonEvents.ReadFile(f, table)).ToList();
        var total = 0;
        foreach (var e in events)
        {
            total += Same(sharedSysmon, aloneSysmon, e);
            total += Same(sharedSecurity, aloneSecurity, e);
        }
        total.ShouldBeGreaterThan(0);
    }

    private static int Same(CompiledRuleGroup shared, CompiledRuleGroup alone, Event e)
    {
        List<CompiledRule> expected = [], actual = [];
        alone.Match(e, expected);
        shared.Match(e, actual);
        actual.ShouldBe(expected, e.Origin.ToString());
        return actual.Count;
    }
}
