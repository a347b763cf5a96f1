using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Agents.Events;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Traces.Reading;

/// <summary>Turns the tool calls a trace reader finds into events for one file, reporting the ones that cannot
/// become events (too large) with their location. Made when a file is decoded: with no analyzer given, the factory
/// takes the default one here, so a hunt over other formats never loads the tool catalogue.</summary>
internal sealed class ToolCallEmitter(InputSource source, DecodeContext context, ToolCallAnalyzer? analyzer)
{
    private readonly ToolCallEventFactory _factory = new(context.Fields, analyzer, context.Limits);

    /// <summary>The session to use when a trace names none: the trace's path as given (CONTRACT.md).</summary>
    public string DefaultSession => source.DisplayPath;

    public Event? Emit(ToolCall call, long record)
    {
        try
        {
            return _factory.Create(call with { Session = string.IsNullOrEmpty(call.Session) ? DefaultSession : call.Session }, new EventOrigin(source.DisplayPath, record));
        }
        catch (EventTooLargeException e)
        {
            Error(record, $"tool call '{call.Tool}' too large for an event: {e.Message}");
            return null;
        }
    }

    public void Error(long? record, string message) => context.Errors.Report(new InputError(source.DisplayPath, record, message));
}
