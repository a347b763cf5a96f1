using Parry.Core.Detections;

namespace Parry.Gateway.Inspection;

/// <summary>
/// One thing an inspector found in a tool call. Which optional members are set depends on <see cref="Kind"/>:
/// <see cref="Target"/> for targets, <see cref="Category"/> for decision points, <see cref="Level"/> and
/// <see cref="RuleId"/> for detections. <see cref="Source"/> names the inspector, <see cref="Summary"/> says what was
/// found in words a human approving the call can read.
/// </summary>
public sealed record Finding(FindingKind Kind, string Source, string Summary)
{
    public TargetKind TargetKind { get; init; }

    /// <summary>The target as written in the call (an address, network, host name or URL).</summary>
    public string? Target { get; init; }

    /// <summary>Where in the arguments the target was found (a dotted path such as <c>options.host</c>).</summary>
    public string? Argument { get; init; }

    public DecisionPointCategory? Category { get; init; }

    public Level? Level { get; init; }

    public string? RuleId { get; init; }

    /// <summary>ATT&amp;CK tags or other labels (e.g. <c>attack.t1110</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static Finding ForTarget(string source, TargetKind kind, string target, string argument) =>
        new(FindingKind.Target, source, $"{NameOf(kind)} {target} in '{argument}'")
        {
            TargetKind = kind,
            Target = target,
            Argument = argument,
        };

    public static Finding ForDecisionPoint(string source, DecisionPointCategory category, string summary) =>
        new(FindingKind.DecisionPoint, source, summary) { Category = category };

    public static Finding ForDetection(string source, string ruleId, Level level, string title, IReadOnlyList<string>? tags = null) =>
        new(FindingKind.Detection, source, title) { RuleId = ruleId, Level = level, Tags = tags ?? [] };

    public static Finding ForOffensiveAction(string source, string summary, IReadOnlyList<string>? tags = null) =>
        new(FindingKind.OffensiveAction, source, summary) { Tags = tags ?? [] };

    // The kind's name in lower case, as kind.ToString().ToLowerInvariant() gives it, without the two strings that
    // made per target finding (several per call).
    private static string NameOf(TargetKind kind) => kind switch
    {
        TargetKind.Address => "address",
        TargetKind.Network => "network",
        TargetKind.Host => "host",
        TargetKind.Url => "url",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
