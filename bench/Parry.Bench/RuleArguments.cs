using Parry.Detection.Rules;
using Parry.Sigma.Loading;

namespace Parry.Bench;

/// <summary>
/// The rule options of the bench modes that load rules the way <c>parry hunt</c> does: <c>--rules DIR</c> (repeatable),
/// <c>--default-rules</c> / <c>--no-default-rules</c> (each mode has its own default), and the mode's own arguments
/// left in order in <see cref="Rest"/>.
/// </summary>
internal sealed class RuleArguments
{
    private RuleArguments(bool defaultRules) => DefaultRules = defaultRules;

    public List<string> RulePaths { get; } = [];

    public bool DefaultRules { get; private set; }

    /// <summary>Every argument that is not a rule option, in the order given (a flag's value right after it).</summary>
    public List<string> Rest { get; } = [];

    public static RuleArguments Parse(string[] args, bool defaultRules)
    {
        var parsed = new RuleArguments(defaultRules);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rules" when i + 1 < args.Length: parsed.RulePaths.Add(args[++i]); break;
                case "--default-rules": parsed.DefaultRules = true; break;
                case "--no-default-rules": parsed.DefaultRules = false; break;
                default: parsed.Rest.Add(args[i]); break;
            }
        }
        return parsed;
    }

    public SigmaLoadResult Load() => RuleSetLoader.Load(RulePaths, DefaultRules, new SigmaLoadOptions());
}
