using System.Text.Json;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces.Reading;

using static Parry.Ingest.Traces.Reading.TraceJson;

namespace Parry.Ingest.Traces.Formats;

/// <summary>
/// OpenTelemetry traces in OTLP JSON (one <c>ExportTraceServiceRequest</c> document, or one per line as the
/// collector's file exporter writes them): <c>resourceSpans[].scopeSpans[].spans[]</c>. A span is a tool call when it
/// follows the GenAI or MCP semantic conventions for one: <c>gen_ai.tool.name</c>,
/// <c>gen_ai.operation.name = execute_tool</c>, or <c>mcp.method.name = tools/call</c>. Arguments from
/// <c>gen_ai.tool.call.arguments</c> (a JSON string or structured), result from <c>gen_ai.tool.call.result</c>,
/// error from the span status or <c>error.type</c>; session from <c>mcp.session.id</c> or
/// <c>gen_ai.conversation.id</c>; request id from <c>jsonrpc.request.id</c> or <c>gen_ai.tool.call.id</c>; times from
/// the span. A tool span whose parent span is the same tool call (an MCP server span under the client's) is not
/// counted twice. Record = the span's 1-based index in the file.
/// </summary>
public sealed class OtlpGenAiFormat(ToolCallAnalyzer? analyzer = null) : IInputFormat
{
    private const int MaxRememberedSpans = 100_000;

    public string Name => "otlp-genai";

    public int Probe(ReadOnlySpan<byte> head, string fileName) =>
        TraceProbe.FirstSignificant(head) == (byte)'{' && TraceProbe.Contains(head, "\"resourceSpans\"") ? 95 : 0;

    public IEnumerable<Event> Read(InputSource source, DecodeContext context)
    {
        var emitter = new ToolCallEmitter(source, context, analyzer);
        var spans = new SpanReader(emitter);
        return LineByLine(source) ? ReadLines(source, context, emitter, spans) : ReadDocument(source, context, emitter, spans);
    }

    // One request per line when the first line is a whole JSON object by itself.
    private static bool LineByLine(InputSource source)
    {
        using var stream = source.Open();
        using var lines = new BoundedLineReader(stream, 4 * 1024 * 1024);
        while (lines.TryReadLine(out var line))
        {
            if (lines.Oversized)
                return false;
            if (line.Span.Trim(" \t"u8).IsEmpty)
                continue;
            try
            {
                using var _ = JsonDocument.Parse(line);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        return false;
    }

    private static IEnumerable<Event> ReadLines(InputSource source, DecodeContext context, ToolCallEmitter emitter, SpanReader spans)
    {
        using var stream = source.Open();
        using var lines = new BoundedLineReader(stream, context.MaxRecordBytes);
        while (lines.TryReadLine(out var line))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (lines.Oversized)
            {
                emitter.Error(lines.LineNumber, $"line longer than {context.MaxRecordBytes} bytes skipped");
                continue;
            }
            if (line.Span.Trim(" \t"u8).IsEmpty)
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                emitter.Error(lines.LineNumber, "malformed JSON: " + e.Message);
                continue;
            }
            using (document)
            {
                if (!Has(document.RootElement, "resourceSpans", out var resourceSpans) || resourceSpans.ValueKind != JsonValueKind.Array)
                {
                    emitter.Error(lines.LineNumber, "line without a resourceSpans array");
                    continue;
                }
                foreach (var resource in resourceSpans.EnumerateArray())
                {
                    foreach (var e in spans.Resource(resource))
                        yield return e;
                }
            }
        }
    }

    private static IEnumerable<Event> ReadDocument(InputSource source, DecodeContext context, ToolCallEmitter emitter, SpanReader spans)
    {
        using var stream = source.Open();
        using var json = new JsonPropertyStream(stream, context.MaxRecordBytes);
        foreach (var piece in json.Read(name => name == "resourceSpans" ? PropertyAction.EachElement : PropertyAction.Skip))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            using (piece)
            {
                if (piece.Document is null)
                {
                    emitter.Error(null, $"resourceSpans {piece.Element + 1}: {piece.Error}");
                    continue;
                }
                foreach (var e in spans.Resource(piece.Document.RootElement))
                    yield return e;
            }
        }
    }

    /// <summary>Span-to-call conversion, with the numbering and the memory of tool spans for one file.</summary>
    private sealed class SpanReader(ToolCallEmitter emitter)
    {
        private readonly Dictionary<string, string> _toolSpans = new(StringComparer.Ordinal);
        private long _span;

        public IEnumerable<Event> Resource(JsonElement resource)
        {
            var resourceAttributes = Has(resource, "resource", out var r) && Has(r, "attributes", out var ra) ? ra : default;
            var service = OtlpAttributes.Text(resourceAttributes, "service.name");
            var serviceVersion = OtlpAttributes.Text(resourceAttributes, "service.version");
            if (!Has(resource, "scopeSpans", out var scopes) && !Has(resource, "instrumentationLibrarySpans", out scopes))
                yield break;
            if (scopes.ValueKind != JsonValueKind.Array)
                yield break;
            foreach (var scope in scopes.EnumerateArray())
            {
                if (!Has(scope, "spans", out var spans) || spans.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var span in spans.EnumerateArray())
                {
                    var record = ++_span;
                    if (Call(span, service, serviceVersion, record) is { } call && emitter.Emit(call, record) is { } e)
                        yield return e;
                }
            }
        }

        private ToolCall? Call(JsonElement span, string? service, string? serviceVersion, long record)
        {
            if (span.ValueKind != JsonValueKind.Object)
            {
                emitter.Error(record, "a span must be an object");
                return null;
            }
            var attributes = Has(span, "attributes", out var a) ? a : default;
            var name = TraceJson.Text(span, "name") ?? "";
            var operation = OtlpAttributes.Text(attributes, "gen_ai.operation.name");
            var method = OtlpAttributes.Text(attributes, "mcp.method.name");
            var tool = OtlpAttributes.Text(attributes, "gen_ai.tool.name");
            if (tool is null && operation != "execute_tool" && method != "tools/call")
                return null;
            tool ??= ToolFromSpanName(name);
            if (string.IsNullOrEmpty(tool))
            {
                emitter.Error(record, "tool-call span without a tool name");
                return null;
            }
            var traceId = TraceJson.Text(span, "traceId") ?? "";
            var spanId = TraceJson.Text(span, "spanId") ?? "";
            var parent = TraceJson.Text(span, "parentSpanId") ?? "";
            if (parent.Length > 0 && _toolSpans.TryGetValue(traceId + "/" + parent, out var parentTool) && parentTool == tool)
                return null; // the same call seen from the other side (server span under the client's)
            if (_toolSpans.Count < MaxRememberedSpans && spanId.Length > 0)
                _toolSpans[traceId + "/" + spanId] = tool;

            var kind = TraceJson.Text(span, "kind") ?? "";
            var serverSide = kind is "2" or "SPAN_KIND_SERVER";
            var address = OtlpAttributes.Text(attributes, "server.address");
            var port = OtlpAttributes.Text(attributes, "server.port");
            var statusError = Has(span, "status", out var status)
                && TraceJson.Text(status, "code") is "2" or "STATUS_CODE_ERROR";
            var errorType = OtlpAttributes.Text(attributes, "error.type");
            var resultValue = OtlpAttributes.Value(attributes, "gen_ai.tool.call.result");
            var resultText = resultValue.ValueKind == JsonValueKind.Undefined ? null
                : resultValue.ValueKind == JsonValueKind.String ? resultValue.GetString() : resultValue.GetRawText();
            var failed = statusError || errorType is not null;
            if (failed && resultText is null)
                resultText = status.ValueKind == JsonValueKind.Object ? TraceJson.Text(status, "message") ?? errorType : errorType;
            var arguments = OtlpAttributes.Value(attributes, "gen_ai.tool.call.arguments");
            return new ToolCall
            {
                Tool = tool,
                Server = address is not null ? (port is null ? address : $"{address}:{port}") : serverSide ? service : null,
                Arguments = arguments.ValueKind == JsonValueKind.Undefined ? default : TraceJson.Arguments(arguments),
                Session = OtlpAttributes.Text(attributes, "mcp.session.id") ?? OtlpAttributes.Text(attributes, "gen_ai.conversation.id")
                    ?? OtlpAttributes.Text(attributes, "session.id"),
                ClientName = serverSide ? null : service,
                ClientVersion = serverSide ? null : serviceVersion,
                RequestId = OtlpAttributes.Text(attributes, "jsonrpc.request.id") ?? OtlpAttributes.Text(attributes, "gen_ai.tool.call.id"),
                Started = TraceJson.Time(span, "startTimeUnixNano"),
                Ended = TraceJson.Time(span, "endTimeUnixNano"),
                Result = resultText is null && !failed ? null : ToolCallResult.FromText(failed, resultText),
            };
        }

        // "execute_tool search" / "tools/call search" → "search".
        private static string? ToolFromSpanName(string name)
        {
            var space = name.IndexOf(' ');
            return space > 0 && space < name.Length - 1 ? name[(space + 1)..].Trim() : null;
        }
    }
}
