using System.Runtime.CompilerServices;
using System.Text.Json;
using Parry.Agents.Attack;
using Parry.Gateway.Inspection;
using AgentTarget = Parry.Agents.Targets.Target;
using AgentTargetKind = Parry.Agents.Targets.TargetKind;

namespace Parry.Gateway.Engine;

using Detection = Parry.Core.Detections.Detection;
using ToolCallAnalysis = Parry.Agents.Analysis.ToolCallAnalysis;

/// <summary>
/// Turns what the engine made of a call into the gateway's findings: the analysis's targets (so the policy's scope
/// check sees hosts named deep inside command lines), its offensive behaviours with their ATT&amp;CK tags, its decision
/// points, and every rule or correlation that fired, with its level.
/// </summary>
internal static class CallFindings
{
    public const string AnalysisSource = "agents";
    public const string RuleSource = "sigma";
    public const string CorrelationSource = "correlation";

    // A call may carry hundreds of recognitions; the audit and a human approving it need the first few.
    private const int MaxOffensiveActions = 16;

    public static void AddAnalysis(List<Finding> findings, ToolCallAnalysis analysis, JsonElement arguments)
    {
        // Index loops over the analysis's read-only lists: a foreach through the interface boxes an enumerator.
        for (var i = 0; i < analysis.Targets.Count; i++)
        {
            var target = analysis.Targets[i];
            findings.Add(Finding.ForTarget(AnalysisSource, KindOf(target), target.Value, ArgumentLocator.Find(arguments, target.Value)));
        }

        var actions = 0;
        for (var i = 0; i < analysis.Findings.Count; i++)
        {
            var finding = analysis.Findings[i];
            if (!finding.Offensive || actions++ >= MaxOffensiveActions)
                continue;
            findings.Add(Finding.ForOffensiveAction(AnalysisSource, $"{finding.Category}: {finding.Id} ({finding.Evidence})", Tags(finding)));
        }

        foreach (var name in analysis.DecisionPoints)
        {
            if (!DecisionPointNames.TryParse(name, out var category))
                continue;
            var evidence = analysis.Findings.FirstOrDefault(f => f.Offensive && f.Attack.Any(a => Reaches(a.Tactic, name)));
            var summary = evidence is null ? name : $"{name}: {evidence.Category} {evidence.Id} ({evidence.Evidence})";
            findings.Add(Finding.ForDecisionPoint(AnalysisSource, category, summary));
        }
    }

    public static Finding ForRule(Detection detection) =>
        Finding.ForDetection(RuleSource, detection.Rule.Id, detection.Rule.Level, detection.Rule.Title, detection.Rule.Tags);

    public static Finding ForCorrelation(Detection detection)
    {
        var rule = detection.Rule;
        var aggregate = detection.Aggregate is { } value ? $" ({value:0.##} in the window)" : "";
        return Finding.ForDetection(CorrelationSource, rule.Id, rule.Level, rule.Title + aggregate, rule.Tags);
    }

    public static Finding ForHeldSession(SessionFlag flag) =>
        Finding.ForDetection(CorrelationSource, flag.Rule.Id, flag.Rule.Level,
            $"this session completed '{flag.Rule.Title}' at {flag.FiredAt:O}; its calls are held until an operator approves one",
            flag.Rule.Tags);

    private static TargetKind KindOf(AgentTarget target) => target.Kind switch
    {
        AgentTargetKind.Ip => TargetKind.Address,
        AgentTargetKind.Cidr => TargetKind.Network,
        _ => TargetKind.Host,
    };

    // A finding's mappings are its recognition's list, the same instance call after call: its tags are worked out
    // once per list (the tag strings are built on each read of TacticTag/TechniqueTag) and the array shared.
    private static readonly ConditionalWeakTable<IReadOnlyList<AttackMapping>, string[]> TagsByAttack = new();

    private static string[] Tags(Parry.Agents.Analysis.Finding finding) =>
        TagsByAttack.GetValue(finding.Attack, static attack =>
            [.. attack.SelectMany(a => new[] { a.TacticTag, a.TechniqueTag }).Distinct(StringComparer.Ordinal)]);

    // The analysis names decision points by tactic, except initial access, which the gateway calls exploitation.
    private static bool Reaches(string tactic, string decisionPoint) =>
        tactic == decisionPoint || (tactic == "initial-access" && decisionPoint == "exploitation");
}
