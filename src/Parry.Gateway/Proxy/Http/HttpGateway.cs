using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parry.Gateway.Decisions;
using Parry.Gateway.Framing;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.JsonRpc;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Proxy.Http;

/// <summary>
/// The streamable HTTP proxy: serves the upstream's MCP endpoint path on the listen address and relays POST, GET and
/// DELETE to the upstream with their end-to-end headers. JSON bodies pass unchanged; SSE streams are relayed event by
/// event as they arrive. Only POSTed tools/call requests are judged, and only their answers read.
/// </summary>
internal sealed class HttpGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GatewayRuntime _runtime;
    private readonly CallGate _gate;
    private readonly HttpClient _http;
    private readonly Uri _upstream;
    private readonly HttpSessions _sessions;

    private HttpGateway(WebApplication app, GatewayRuntime runtime, Uri upstream)
    {
        _app = app;
        _runtime = runtime;
        _gate = new CallGate(runtime);
        _upstream = upstream;
        _sessions = new HttpSessions(runtime, upstream.Authority);
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<HttpGateway> StartAsync(GatewayRuntime runtime, IPEndPoint listen, Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(listen);
            // The gateway reads at most --max-message-bytes itself (and a prefix of a larger body, to answer its id).
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var gateway = new HttpGateway(app, runtime, upstream);
        var path = upstream.AbsolutePath.Length == 0 ? "/" : upstream.AbsolutePath;
        app.Map(path, gateway.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Address = new Uri(new Uri(address), path);
        return gateway;
    }

    public async Task WaitAsync(CancellationToken cancellation)
    {
        // Until the process is asked to stop (Ctrl+C, SIGTERM) or the caller cancels.
        var lifetime = _app.Lifetime;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        using var onCancel = cancellation.Register(() => stopped.TrySetResult());
        await stopped.Task.ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!OriginAllowed(context.Request))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, default, JsonRpcErrorCodes.InvalidRequest,
                "parry: requests from a web page's origin are refused").ConfigureAwait(false);
            return;
        }
        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        switch (context.Request.Method)
        {
            case "POST":
                await PostAsync(context, sessionId).ConfigureAwait(false);
                break;
            case "GET":
                await RelayAsync(context, null, _sessions.Get(sessionId), null, register: false).ConfigureAwait(false);
                break;
            case "DELETE":
                await RelayAsync(context, null, _sessions.Get(sessionId), null, register: false).ConfigureAwait(false);
                _sessions.Remove(sessionId);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, POST, DELETE";
                break;
        }
    }

    private async Task PostAsync(HttpContext context, string sessionId)
    {
        var body = await ReadBodyAsync(context, sessionId).ConfigureAwait(false);
        if (body is null)
            return;
        var index = JsonRpcParser.Parse(body);
        if (index.Kind is JsonRpcMessageKind.Invalid or JsonRpcMessageKind.Batch)
        {
            var problem = index.Kind == JsonRpcMessageKind.Batch
                ? "JSON-RPC batches are not part of MCP 2025-06-18 and later"
                : index.Problem ?? "invalid message";
            RejectedCalls.AuditIfToolCall(_runtime, _sessions.Get(sessionId), body, problem);
            _runtime.Diagnostics.Report($"a client message was not forwarded: {problem}");
            var code = problem.StartsWith("not valid JSON", StringComparison.Ordinal) ? JsonRpcErrorCodes.ParseError : JsonRpcErrorCodes.InvalidRequest;
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, index.Id.Of(body.AsSpan()), code, "parry: " + problem).ConfigureAwait(false);
            return;
        }

        var initialize = index.Method == KnownMethod.Initialize && index.Kind == JsonRpcMessageKind.Request && sessionId.Length == 0;
        var session = initialize ? _sessions.Begin() : _sessions.Get(sessionId);
        if (!index.IsToolsCall)
        {
            _gate.OnClientMessage(session, body, index);
            await RelayAsync(context, body, session, null, register: initialize).ConfigureAwait(false);
            return;
        }

        var judgement = _gate.Judge(session, body, index);
        if (judgement.Action == PolicyAction.Hold)
            judgement = await _gate.AwaitApprovalAsync(judgement.Call!, context.RequestAborted).ConfigureAwait(false);
        if (judgement.Action == PolicyAction.Allow)
        {
            await RelayAsync(context, body, session, judgement.Call, register: false).ConfigureAwait(false);
            return;
        }
        if (context.RequestAborted.IsCancellationRequested)
            return;
        if (judgement.Response is { } response)
            await WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
        else
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, default, JsonRpcErrorCodes.Denied,
                "parry: a tools/call sent as a notification is never forwarded").ConfigureAwait(false);
    }

    private async Task RelayAsync(HttpContext context, byte[]? body, SessionState session, CallContext? call, bool register)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), _upstream);
        if (body is not null)
            request.Content = new ByteArrayContent(body);
        HttpHeaders.CopyRequest(context.Request.Headers, request);

        using var timedOut = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timedOut.Token);
        byte[]? timeoutError = null;
        if (call is not null)
        {
            _gate.Forwarding(call, c =>
            {
                timeoutError = _gate.Abandon(c, ToolCallStatus.Timeout,
                    $"the server did not answer tools/call '{c.Request.Tool}' within {_runtime.CallTimeout.TotalSeconds:0.###}s; the call was cancelled");
                if (timeoutError is null)
                    return;
                _runtime.Diagnostics.Report($"call {c.Request.CallId} ({c.Request.Tool}) timed out");
                timedOut.Cancel();
                _ = CancelUpstreamAsync(context.Request.Headers, c);
            });
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutError is not null)
        {
            await WriteJsonAsync(context, StatusCodes.Status200OK, timeoutError).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (call is not null)
                _gate.Abandon(call, ToolCallStatus.ClientGone, "the client went away before the answer");
            return;
        }
        catch (HttpRequestException e)
        {
            var reason = $"the server at {_upstream} cannot be reached: {e.Message}";
            _runtime.Diagnostics.Report(reason);
            if (call is not null && _gate.Abandon(call, ToolCallStatus.ServerGone, reason) is { } error)
                await WriteJsonAsync(context, StatusCodes.Status200OK, error).ConfigureAwait(false);
            else
                await WriteErrorAsync(context, StatusCodes.Status502BadGateway, body is null ? default : JsonRpcParser.Parse(body).Id.Of(body.AsSpan()),
                    JsonRpcErrorCodes.Upstream, "parry: " + reason).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            if (register)
                _sessions.Register(HttpHeaders.SessionId(response.Headers) ?? HttpSessions.Anonymous, session);
            context.Response.StatusCode = (int)response.StatusCode;
            HttpHeaders.CopyResponse(response, context.Response);
            try
            {
                var media = HttpHeaders.MediaType(response);
                if (string.Equals(media, "text/event-stream", StringComparison.OrdinalIgnoreCase))
                    await RelayEventsAsync(response, context, session, linked.Token).ConfigureAwait(false);
                else if (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase))
                    await RelayJsonAsync(response, context, session, linked.Token).ConfigureAwait(false);
                else
                    await response.Content.CopyToAsync(context.Response.Body, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutError is not null)
            {
                await WriteLateErrorAsync(context, timeoutError).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (call is not null)
                    _gate.Abandon(call, ToolCallStatus.ClientGone, "the client went away before the answer");
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                var reason = $"the stream from the server broke: {e.Message}";
                _runtime.Diagnostics.Report(reason);
                if (call is not null && _gate.Abandon(call, ToolCallStatus.ServerGone, reason) is { } error)
                    await WriteLateErrorAsync(context, error).ConfigureAwait(false);
            }
            if (call is not null)
            {
                // The server ended the exchange without answering the call (a 202, an HTTP error): record how it ended.
                _gate.Abandon(call, ToolCallStatus.RpcError, $"the server answered HTTP {(int)response.StatusCode} without a JSON-RPC response");
            }
        }
    }

    private async Task RelayJsonAsync(HttpResponseMessage response, HttpContext context, SessionState session, CancellationToken cancellation)
    {
        var limit = _runtime.Limits.MaxMessageBytes;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        var body = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, limit, cancellation).ConfigureAwait(false);
        if (body.TooLarge)
            throw new IOException($"the server's answer exceeds the limit of {limit} bytes (--max-message-bytes)");
        var index = JsonRpcParser.Parse(body.Bytes);
        if (index.Kind == JsonRpcMessageKind.Response)
            _gate.OnServerMessage(session, body.Bytes, index);
        context.Response.ContentLength = body.Bytes.Length;
        await context.Response.Body.WriteAsync(body.Bytes, cancellation).ConfigureAwait(false);
    }

    private async Task RelayEventsAsync(HttpResponseMessage response, HttpContext context, SessionState session, CancellationToken cancellation)
    {
        context.Response.ContentLength = null;
        // Send the headers now: a GET stream may carry nothing for a long time, and the client waits for them.
        await context.Response.StartAsync(cancellation).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using var reader = new SseEventReader(stream, _runtime.Limits.MaxMessageBytes);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false) is { } sse)
        {
            if (sse.HasData && !sse.Data.IsEmpty)
            {
                var index = JsonRpcParser.Parse(sse.Data.Span);
                if (index.Kind == JsonRpcMessageKind.Response && !_gate.OnServerMessage(session, sse.Data.Span, index))
                    continue;
            }
            await context.Response.Body.WriteAsync(sse.Raw, cancellation).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
        }
    }

    private async Task<byte[]?> ReadBodyAsync(HttpContext context, string sessionId)
    {
        var limit = _runtime.Limits.MaxMessageBytes;
        BoundedBody.Result body;
        try
        {
            body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return null; // the client went away while sending, or sent less than it declared
        }
        if (!body.TooLarge)
            return body.Bytes;
        var size = context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more than " + limit;
        var problem = $"a message of {size} bytes exceeds the limit of {limit} bytes (--max-message-bytes)";
        RejectedCalls.AuditIfToolCall(_runtime, _sessions.Get(sessionId), body.Bytes, problem);
        _runtime.Diagnostics.Report("a client message was not forwarded: " + problem);
        JsonRpcIdSniffer.TryFindId(body.Bytes, out var id);
        await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, id.Of(body.Bytes.AsSpan()), JsonRpcErrorCodes.TooLarge, "parry: " + problem).ConfigureAwait(false);
        return null;
    }

    private async Task CancelUpstreamAsync(IHeaderDictionary headers, CallContext call)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _upstream)
            {
                Content = new ByteArrayContent(JsonRpcErrorWriter.Cancelled(call.RawId, "parry: timed out")),
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            foreach (var name in new[] { "Mcp-Session-Id", "MCP-Protocol-Version", "Authorization" })
            {
                if (headers.TryGetValue(name, out var value))
                    request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
            request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var _ = await _http.SendAsync(request, cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _runtime.Diagnostics.Report($"could not send the cancellation of call {call.Request.CallId} upstream: {e.Message}");
        }
    }

    private static bool OriginAllowed(HttpRequest request)
    {
        // DNS rebinding guard: a browser page may not drive the gateway; programs send no Origin.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task WriteLateErrorAsync(HttpContext context, byte[] error)
    {
        // If the SSE stream has begun, the error goes out as one more event on it; else as the JSON answer.
        if (!context.Response.HasStarted)
        {
            await WriteJsonAsync(context, StatusCodes.Status200OK, error).ConfigureAwait(false);
            return;
        }
        if (context.RequestAborted.IsCancellationRequested)
            return;
        try
        {
            var frame = Encoding.UTF8.GetBytes("event: message\ndata: " + Encoding.UTF8.GetString(error) + "\n\n");
            await context.Response.Body.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client is gone; the call's end is audited already.
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, ReadOnlySpan<byte> id, int code, string message) =>
        WriteJsonAsync(context, status, JsonRpcErrorWriter.Error(id, code, message));

    private static async Task WriteJsonAsync(HttpContext context, int status, byte[] json)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        try
        {
            await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client is gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
