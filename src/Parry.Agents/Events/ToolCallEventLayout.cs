namespace Parry.Agents.Events;

/// <summary>
/// Where the parts of an event made by <see cref="ToolCallEventFactory"/> lie among its nodes: nodes 1 up to
/// <see cref="RequestEnd"/> are the call as requested (server, tool, session, client, request id, arguments), nodes
/// from <see cref="AnalysisStart"/> to the end are the analysis (command, target, findings …). Between them come the
/// outcome and times, which differ between the judged call and the recorded one; see
/// <see cref="ToolCallEventFactory.CreateEnded"/>.
/// </summary>
public readonly record struct ToolCallEventLayout(int RequestEnd, int AnalysisStart);
