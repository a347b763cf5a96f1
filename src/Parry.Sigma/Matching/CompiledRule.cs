using System.Text.RegularExpressions;
using Parry.Core.Detections;
using Parry.Core.Events;
using Parry.Sigma.Matching.Matchers;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Rules;

namespace Parry.Sigma.Matching;

/// <summary>
/// A rule compiled against one field mapping and field table: decides for an event without allocating. Immutable
/// and thread-safe. Group many with <see cref="CompiledRuleGroup"/> to match them together.
/// </summary>
public sealed class CompiledRule
{
    internal CompiledRule(SigmaRule rule, Matcher root, IReadOnlyList<LiteralRequirement> requirements, FieldTableBuilder fields, IReadOnlyList<string> eventFields)
    {
        Rule = rule;
        Root = root;
        Requirements = requirements;
        Fields = fields;
        EventFields = eventFields;
    }

    public SigmaRule Rule { get; }

    public RuleInfo Info => Rule.Info;

    /// <summary>The event field names the compiled rule reads (after mapping).</summary>
    public IReadOnlyList<string> EventFields { get; }

    /// <summary>Whether the rule has a necessary literal, so a <see cref="CompiledRuleGroup"/> evaluates it only
    /// for events where that literal occurs; false: evaluated for every event.</summary>
    public bool IsIndexed => Requirements.Count > 0;

    internal Matcher Root { get; }

    /// <summary>Necessary conditions (each: literals one of which must occur); empty when the rule has none.</summary>
    internal IReadOnlyList<LiteralRequirement> Requirements { get; }

    internal FieldTableBuilder Fields { get; }

    /// <exception cref="RuleMatchException">A regular expression exceeded its match timeout.</exception>
    public bool Matches(Event e)
    {
        try
        {
            return Root.Matches(e);
        }
        catch (RegexMatchTimeoutException timeout)
        {
            throw TimedOut(e, timeout);
        }
    }

    /// <summary>What <see cref="Matches"/> throws when a regular expression of the rule timed out on the event.</summary>
    internal RuleMatchException TimedOut(Event e, RegexMatchTimeoutException timeout) =>
        new(Info, e.Origin, $"regular expression '{timeout.Pattern}' timed out after {timeout.MatchTimeout.TotalMilliseconds} ms", timeout);

    public override string ToString() => Rule.ToString();
}
