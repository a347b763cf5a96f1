namespace Parry.Agents.Events;

/// <summary>The field names of a tool-call event (documented in <c>src/Parry.Agents/README.md</c>). Stable: rules and
/// mappings use them.</summary>
public static class ToolCallFields
{
    public const string Server = "server";
    public const string Tool = "tool";
    public const string Session = "session";
    public const string ClientName = "client.name";
    public const string ClientVersion = "client.version";
    public const string RequestId = "request_id";
    public const string Arguments = "arguments";
    public const string ResultIsError = "result.is_error";
    public const string ResultText = "result.text";
    public const string ResultTruncated = "result.truncated";
    public const string DecisionAction = "decision.action";
    public const string DecisionRule = "decision.rule";
    public const string DecisionReason = "decision.reason";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";
    public const string DurationMs = "duration_ms";
    public const string CommandLine = "command.line";
    public const string CommandPrograms = "command.programs";
    public const string CommandTools = "command.tools";
    public const string CommandCategories = "command.categories";
    public const string CommandRecognised = "command.recognised";
    public const string CommandOffensive = "command.offensive";
    public const string CommandTruncated = "command.truncated";
    public const string TargetHosts = "target.hosts";
    public const string TargetIps = "target.ips";
    public const string TargetCidrs = "target.cidrs";
    public const string TargetUrls = "target.urls";
    public const string TargetPorts = "target.ports";
    public const string TargetClasses = "target.classes";
    public const string HttpMethods = "http.methods";
    public const string SqlProbes = "sql.probes";
    public const string FilePaths = "file.paths";
    public const string FileSensitive = "file.sensitive";
    public const string AttackTactics = "attack.tactics";
    public const string AttackTechniques = "attack.techniques";
    public const string FindingId = "findings.id";
    public const string FindingCategory = "findings.category";
    public const string FindingEvidence = "findings.evidence";

    /// <summary>Every field above, for interning into a <c>FieldTable</c>.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Server, Tool, Session, ClientName, ClientVersion, RequestId, Arguments, ResultIsError, ResultText, ResultTruncated,
        DecisionAction, DecisionRule, DecisionReason, StartTime, EndTime, DurationMs, CommandLine, CommandPrograms,
        CommandTools, CommandCategories, CommandRecognised, CommandOffensive, CommandTruncated, TargetHosts, TargetIps,
        TargetCidrs, TargetUrls, TargetPorts, TargetClasses, HttpMethods, SqlProbes, FilePaths, FileSensitive,
        AttackTactics, AttackTechniques, FindingId, FindingCategory, FindingEvidence,
    ];
}
