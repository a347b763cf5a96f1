using Parry.Agents.Analysis;
using Parry.Ingest.Formats;
using Parry.Ingest.Traces.Formats;

namespace Parry.Ingest.Traces;

/// <summary>
/// The recorded-agent-session formats, to register into the format detector. Each recognises its content with a
/// probe score above plain JSON's (85–95 when its markers are present, 0 otherwise) and turns every tool call into a
/// tool-call event (source kind <c>mcp</c>) through <see cref="Parry.Agents.Events.ToolCallEventFactory"/>.
/// </summary>
public static class TraceFormats
{
    public static IReadOnlyList<IInputFormat> All(ToolCallAnalyzer? analyzer = null) =>
    [
        new OtlpGenAiFormat(analyzer),
        new GatewayAuditFormat(analyzer),
        new SweAgentTrajectoryFormat(analyzer),
        new McpCaptureFormat(analyzer),
        new OpenAiChatFormat(analyzer),
    ];
}
