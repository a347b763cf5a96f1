using Parry.Core.Events;
using Parry.Sigma.Matching;
using Parry.Sigma.Matching.Matchers;
using Parry.Sigma.Matching.ValueTests;

namespace Parry.Bench.Sigma;

/// <summary>
/// <c>rule-memory [--no-default-rules] [--rules DIR]...</c>: the bytes a compiled rule set keeps reachable, by kind,
/// each measured as the growth of the reachable heap (after a full compacting GC) when that kind is built: the parsed
/// rules, their compiled matchers (one compilation per rule, identity field mapping), the runnable regular expressions
/// (which the matchers build on first use; here all of them), and one literal-indexed rule group per log source
/// (the hunt builds one per mapping entry an event meets). One thread; counts beside each figure.
/// </summary>
internal static class RuleMemory
{
    public static int Run(string[] args)
    {
        var arguments = RuleArguments.Parse(args, defaultRules: true);
        if (arguments.Rest.Count > 0)
            throw new ArgumentException($"unknown argument {arguments.Rest[0]}");
        var baseline = Reachable();
        var rules = arguments.Load();
        var parsed = Reachable();
        Print("parsed rules", rules.Rules.Count, parsed - baseline);

        var fields = new FieldTableBuilder();
        var compiled = rules.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields)).ToList();
        var matchers = Reachable();
        Print("compiled matchers", compiled.Count, matchers - parsed);

        var tests = new List<ValueTest>();
        foreach (var rule in compiled)
            Collect(rule.Root, tests);
        var regexes = tests.OfType<RegexTest>().ToList();
        foreach (var regex in regexes)
            _ = regex.Regex;
        var built = Reachable();
        Print("regular expressions built", regexes.Count, built - matchers);

        var groups = compiled
            .GroupBy(r => (r.Rule.LogSource.Product, r.Rule.LogSource.Category, r.Rule.LogSource.Service))
            .Select(g => CompiledRuleGroup.Create(g))
            .ToList();
        var grouped = Reachable();
        Print("rule groups (one per log source)", groups.Count, grouped - built);
        Console.WriteLine($"value tests by kind: {string.Join(", ", tests.GroupBy(t => t.GetType().Name).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}");

        GC.KeepAlive(rules);
        GC.KeepAlive(compiled);
        GC.KeepAlive(groups);
        return 0;
    }

    private static void Collect(Matcher matcher, List<ValueTest> tests)
    {
        switch (matcher)
        {
            case AndMatcher and:
                foreach (var operand in and.Operands)
                    Collect(operand, tests);
                break;
            case OrMatcher or:
                foreach (var operand in or.Operands)
                    Collect(operand, tests);
                break;
            case AtLeastMatcher atLeast:
                foreach (var operand in atLeast.Operands)
                    Collect(operand, tests);
                break;
            case NotMatcher not:
                Collect(not.Operand, tests);
                break;
            case FieldMatcher field:
                Collect(field.Test, tests);
                break;
            case KeywordMatcher keyword:
                Collect(keyword.Test, tests);
                break;
        }
    }

    private static void Collect(ValueTest test, List<ValueTest> tests)
    {
        if (test is AnyOfTest any)
        {
            foreach (var inner in any.Tests)
                Collect(inner, tests);
            return;
        }
        tests.Add(test);
    }

    private static long Reachable() => GC.GetTotalMemory(forceFullCollection: true);

    private static void Print(string kind, int count, long bytes) =>
        Console.WriteLine($"{kind,-34} {count,6:N0}  {bytes / 1e6,8:N1} MB  {bytes / (double)Math.Max(1, count) / 1e3,8:N1} KB each");
}
