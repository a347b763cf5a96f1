using System.Collections.Concurrent;
using Parry.Gateway.Decisions;
using Parry.Gateway.Framing;
using Parry.Gateway.Hosting;
using Parry.Gateway.Inspection;
using Parry.Gateway.JsonRpc;
using Parry.Gateway.Policy;

namespace Parry.Gateway.Proxy.Stdio;

/// <summary>
/// The stdio proxy: the client speaks MCP on <c>clientIn</c>/<c>clientOut</c>, the real server is a child process.
/// Messages pass through byte for byte; only tools/call requests are judged, and only their answers are read.
/// Ends when either side ends: the client's end of input stops the server (exit 0); the server's exit answers every
/// call in flight with an error and ends the run (exit 0 if the server exited with 0, else 1).
/// </summary>
internal sealed class StdioGateway
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly GatewayRuntime _runtime;
    private readonly CallGate _gate;
    private readonly SessionState _session;
    private readonly Diagnostics _diagnostics;
    private readonly CancellationTokenSource _sessionEnded = new();
    private readonly ConcurrentDictionary<Task, byte> _holds = new();
    private MessageWriter _toClient = null!;
    private MessageWriter _toServer = null!;

    public StdioGateway(GatewayRuntime runtime, IReadOnlyList<string> command)
    {
        _runtime = runtime;
        _gate = new CallGate(runtime);
        _diagnostics = runtime.Diagnostics;
        _session = runtime.NewSession(GatewayRuntime.NewCallId(), "stdio", Path.GetFileName(command[0]));
        Command = command;
    }

    public IReadOnlyList<string> Command { get; }

    public async Task<int> RunAsync(Stream clientIn, Stream clientOut, CancellationToken cancellation)
    {
        ServerProcess server;
        try
        {
            server = ServerProcess.Start(Command);
        }
        catch (InvalidOperationException e)
        {
            _diagnostics.Report(e.Message);
            return 1;
        }
        await using (server)
        {
            _toClient = new MessageWriter(clientOut);
            _toServer = new MessageWriter(server.Input);
            var stderr = server.RelayStandardErrorAsync(_diagnostics);
            var fromServer = RelayThread("parry-gateway-from-server", () => RelayServer(server.Output));
            var fromClient = RelayThread("parry-gateway-from-client", () => RelayClient(clientIn));
            // Asked to stop (Ctrl+C, SIGTERM): end the server as the client would, by closing its input.
            var stopping = false;
            using var stop = cancellation.Register(() =>
            {
                stopping = true;
                _ = server.StopAsync(StopGrace);
            });

            var first = await Task.WhenAny(fromClient, fromServer).ConfigureAwait(false);
            if (first == fromClient)
            {
                Report(fromClient, "reading from the client");
                Report(fromServer, "reading from the server");
                _session.EndReason = "the client went away";
                await EndSessionAsync(ToolCallStatus.ClientGone, "the client went away before the answer", answerClient: false).ConfigureAwait(false);
                await server.StopAsync(StopGrace).ConfigureAwait(false);
                await Task.WhenAny(fromServer, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false);
                await Task.WhenAny(stderr, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false);
                return 0;
            }

            Report(fromServer, "reading from the server");
            await server.StopAsync(StopGrace).ConfigureAwait(false);
            await Task.WhenAny(stderr, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false);
            var code = server.ExitCode;
            _session.EndReason = $"the server exited (code {code})";
            _diagnostics.Report($"the server '{Command[0]}' exited with code {code}");
            await EndSessionAsync(ToolCallStatus.ServerGone, $"the server exited (code {code}) before answering", answerClient: true).ConfigureAwait(false);
            return code == 0 || stopping ? 0 : 1;
        }
    }

    /// <summary>Runs a relay loop on its own thread; the task ends with the loop (or its failure).</summary>
    private static Task RelayThread(string name, Action loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    private void RelayClient(Stream clientIn)
    {
        using var reader = new LineReader(clientIn, _runtime.Limits.MaxMessageBytes);
        while (true)
        {
            var read = reader.Read();
            switch (read.Kind)
            {
                case LineReadKind.End:
                    return;
                case LineReadKind.TooLarge:
                    RejectTooLarge(read);
                    break;
                default:
                    OnClientMessage(read.Bytes);
                    break;
            }
        }
    }

    private void OnClientMessage(ReadOnlyMemory<byte> bytes)
    {
        var index = JsonRpcParser.Parse(bytes.Span);
        if (index.Kind is JsonRpcMessageKind.Invalid or JsonRpcMessageKind.Batch)
        {
            var problem = index.Kind == JsonRpcMessageKind.Batch
                ? "JSON-RPC batches are not part of MCP 2025-06-18 and later"
                : index.Problem ?? "invalid message";
            AuditIfToolCall(bytes.Span, problem);
            _diagnostics.Report($"a client message was not forwarded: {problem}");
            var code = problem.StartsWith("not valid JSON", StringComparison.Ordinal) ? JsonRpcErrorCodes.ParseError : JsonRpcErrorCodes.InvalidRequest;
            SendToClient(JsonRpcErrorWriter.Error(index.Id.Of(bytes.Span), code, "parry: " + problem));
            return;
        }
        if (!index.IsToolsCall)
        {
            _gate.OnClientMessage(_session, bytes.Span, index);
            SendToServer(bytes.Span);
            return;
        }

        var judgement = _gate.Judge(_session, bytes.Span, index);
        switch (judgement.Action)
        {
            case PolicyAction.Allow:
                Forward(judgement.Call!, bytes.Span);
                break;
            case PolicyAction.Hold:
                var copy = bytes.ToArray();
                var hold = HoldAsync(judgement.Call!, copy);
                _holds.TryAdd(hold, 0);
                _ = hold.ContinueWith(t => _holds.TryRemove(t, out _), TaskScheduler.Default);
                break;
            default:
                if (judgement.Response is { } response)
                    SendToClient(response);
                break;
        }
    }

    private async Task HoldAsync(CallContext call, byte[] message)
    {
        try
        {
            var judgement = await _gate.AwaitApprovalAsync(call, _sessionEnded.Token).ConfigureAwait(false);
            if (judgement.Action == PolicyAction.Allow && !_sessionEnded.IsCancellationRequested)
                Forward(call, message);
            else if (judgement.Response is { } response)
                SendToClient(response);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            _diagnostics.Report($"held call {call.Request.CallId} could not be completed: {e.Message}");
        }
    }

    private void Forward(CallContext call, ReadOnlySpan<byte> message)
    {
        _gate.Forwarding(call, OnTimeout);
        try
        {
            _toServer.Write(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            if (_gate.Abandon(call, ToolCallStatus.ServerGone, "the server is gone: " + e.Message) is { } error)
                SendToClient(error);
        }
    }

    private void OnTimeout(CallContext call)
    {
        var timeout = _runtime.CallTimeout;
        var error = _gate.Abandon(call, ToolCallStatus.Timeout,
            $"the server did not answer tools/call '{call.Request.Tool}' within {timeout.TotalSeconds:0.###}s; the call was cancelled");
        if (error is null)
            return;
        _diagnostics.Report($"call {call.Request.CallId} ({call.Request.Tool}) timed out after {timeout.TotalSeconds:0.###}s");
        SendToClient(error);
        SendToServer(JsonRpcErrorWriter.Cancelled(call.RawId, "parry: timed out"));
    }

    private void RelayServer(Stream serverOut)
    {
        using var reader = new LineReader(serverOut, _runtime.Limits.MaxMessageBytes);
        while (true)
        {
            var read = reader.Read();
            if (read.Kind == LineReadKind.End)
                return;
            if (read.Kind == LineReadKind.TooLarge)
            {
                ServerTooLarge(read);
                continue;
            }
            var index = JsonRpcParser.Parse(read.Bytes.Span);
            if (index.Kind is JsonRpcMessageKind.Invalid or JsonRpcMessageKind.Batch)
            {
                _diagnostics.Report($"the server wrote a line that is not a JSON-RPC message; dropped ({index.Problem ?? "batch"})");
                continue;
            }
            if (_gate.OnServerMessage(_session, read.Bytes.Span, index))
                _toClient.Write(read.Bytes.Span);
        }
    }

    private void RejectTooLarge(LineRead read)
    {
        var limit = _runtime.Limits.MaxMessageBytes;
        var problem = $"a message of {read.Length} bytes exceeds the limit of {limit} bytes (--max-message-bytes)";
        AuditIfToolCall(read.Bytes.Span, problem);
        _diagnostics.Report("a client message was not forwarded: " + problem);
        JsonRpcIdSniffer.TryFindId(read.Bytes.Span, out var id);
        SendToClient(JsonRpcErrorWriter.Error(id.Of(read.Bytes.Span), JsonRpcErrorCodes.TooLarge, "parry: " + problem));
    }

    private void ServerTooLarge(LineRead read)
    {
        var problem = $"the server's message of {read.Length} bytes exceeds the limit of {_runtime.Limits.MaxMessageBytes} bytes (--max-message-bytes)";
        _diagnostics.Report(problem + "; dropped");
        if (JsonRpcIdSniffer.TryFindId(read.Bytes.Span, out var id)
            && _session.InFlight.TryGetValue(JsonRpcId.Key(id.Of(read.Bytes.Span)), out var call)
            && _gate.Abandon(call, ToolCallStatus.RpcError, problem) is { } error)
            SendToClient(error);
    }

    private void AuditIfToolCall(ReadOnlySpan<byte> bytes, string problem) =>
        RejectedCalls.AuditIfToolCall(_runtime, _session, bytes, problem);

    private async Task EndSessionAsync(ToolCallStatus status, string reason, bool answerClient)
    {
        await _sessionEnded.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_holds.Keys).ConfigureAwait(false);
        foreach (var call in _session.InFlight.Values)
        {
            if (_gate.Abandon(call, status, reason) is { } error && answerClient)
                SendToClient(error);
        }
    }

    private void SendToClient(ReadOnlySpan<byte> message)
    {
        try
        {
            _toClient.Write(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _diagnostics.Report("cannot write to the client: " + e.Message);
        }
    }

    private void SendToServer(ReadOnlySpan<byte> message)
    {
        try
        {
            _toServer.Write(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _diagnostics.Report("cannot write to the server: " + e.Message);
        }
    }

    private void Report(Task loop, string what)
    {
        if (loop.Exception?.GetBaseException() is { } error and not OperationCanceledException)
            _diagnostics.Report($"stopped {what}: {error.Message}");
    }
}
