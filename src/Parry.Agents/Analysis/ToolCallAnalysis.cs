using Parry.Agents.Targets;

namespace Parry.Agents.Analysis;

/// <summary>
/// What one tool call does, as far as its arguments show: the command lines it carries and the programs they run,
/// the offensive tools and behaviours recognised (<see cref="Findings"/>, summarised in <see cref="Categories"/>,
/// <see cref="Tactics"/>, <see cref="Techniques"/>), and the targets it acts on. Immutable; lists hold no repeats and
/// keep the order things were found in, except tactics (kill-chain order).
/// </summary>
public sealed class ToolCallAnalysis
{
    public static readonly ToolCallAnalysis Empty = new();

    public IReadOnlyList<string> CommandLines { get; init; } = [];

    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>Programs recognised as offensive tools (catalogue entries of an offensive category).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Tactics { get; init; } = [];

    public IReadOnlyList<string> Techniques { get; init; } = [];

    public IReadOnlyList<Target> Targets { get; init; } = [];

    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Ports named by the call: single ports as numbers, ranges as <c>low-high</c>.</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    public IReadOnlyList<string> HttpMethods { get; init; } = [];

    /// <summary>Names of the SQL injection patterns found (<c>tautology</c>, <c>union-select</c>, <c>time-delay</c> …).</summary>
    public IReadOnlyList<string> SqlProbes { get; init; } = [];

    /// <summary>Sensitive files the call reads or writes.</summary>
    public IReadOnlyList<string> SensitivePaths { get; init; } = [];

    /// <summary>Ids of the sensitive-file entries they matched (<c>shadow</c>, <c>ssh-private-key</c> …).</summary>
    public IReadOnlyList<string> SensitiveKinds { get; init; } = [];

    /// <summary>Some finding is in an offensive category (anything but discovery, HTTP requests and remote access).</summary>
    public bool IsOffensive { get; init; }

    /// <summary>Part of the input was not analysed because it exceeded a bound.</summary>
    public bool Truncated { get; init; }

    /// <summary>
    /// The stages at which the gateway puts a human in the loop that offensive findings reach, named as the gateway
    /// policy names them: <c>exploitation</c> (initial access: exploits, injection), <c>credential-access</c>,
    /// <c>lateral-movement</c>, <c>exfiltration</c>.
    /// </summary>
    public IReadOnlyList<string> DecisionPoints
    {
        get
        {
            // A loop, not a LINQ chain: asked for every call judged, and most calls have no offensive finding.
            List<string>? points = null;
            // Index loops: a foreach through the read-only interfaces boxes an enumerator per finding.
            for (var f = 0; f < Findings.Count; f++)
            {
                var finding = Findings[f];
                if (!finding.Offensive)
                    continue;
                for (var i = 0; i < finding.Attack.Count; i++)
                {
                    var mapping = finding.Attack[i];
                    var point = mapping.Tactic switch
                    {
                        "initial-access" => "exploitation",
                        "credential-access" or "lateral-movement" or "exfiltration" => mapping.Tactic,
                        _ => null,
                    };
                    if (point is null || (points is not null && points.Contains(point, StringComparer.Ordinal)))
                        continue;
                    (points ??= []).Add(point);
                }
            }
            return points is null ? [] : [.. points];
        }
    }

    public IEnumerable<string> TargetClasses => Targets.Select(t => t.Class.Name()).Distinct();
}
