using Parry.Core.Events;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Matching;

/// <summary>
/// Compiles loaded rules into immutable matchers over <see cref="Event"/>s. Field names are mapped for the log
/// source and interned into the caller's <see cref="FieldTableBuilder"/>; the caller freezes it and decoders key
/// events with the resulting table before matching.
/// </summary>
public static class SigmaCompiler
{
    public static CompiledRule Compile(SigmaRule rule, IFieldMapping mapping, FieldTableBuilder fields, SigmaCompileOptions? options = null)
    {
        var compilation = new RuleCompilation(rule, mapping, fields, options ?? SigmaCompileOptions.Default);
        var root = compilation.Compile();
        return new CompiledRule(rule, root, RequirementAnalysis.Of(root), fields, compilation.EventFields);
    }

    /// <summary>Compiles rules sharing one mapping and groups them for multi-rule matching.</summary>
    public static CompiledRuleGroup CompileGroup(IEnumerable<SigmaRule> rules, IFieldMapping mapping, FieldTableBuilder fields, SigmaCompileOptions? options = null) =>
        CompiledRuleGroup.Create(rules.Select(r => Compile(r, mapping, fields, options)));
}
