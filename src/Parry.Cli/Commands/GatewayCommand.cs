using System.CommandLine;
using Parry.Cli.Jobs;
using Parry.Gateway.Engine;
using Parry.Gateway.Hosting;
using Parry.Gateway.Policy;
using Parry.Output.Json;

namespace Parry.Cli.Commands;

/// <summary><c>parry gateway</c>: parses options, loads the rules, opens the detections output, and hands them to
/// <see cref="GatewayHost"/>.</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { Description = "YAML policy: scope, tool rules, decision points, limits" };
        var audit = new Option<string?>("--audit") { Description = "JSONL audit log, one object per decision and result" };
        var auditFsync = new Option<bool>("--audit-fsync") { Description = "fsync the audit log after every record" };
        var control = new Option<string?>("--control") { Description = "control socket for parry approvals (default: a private per-user folder)" };
        var listen = new Option<string?>("--listen") { Description = "streamable HTTP: address to listen on, e.g. 127.0.0.1:8931" };
        var upstream = new Option<string?>("--upstream") { Description = "streamable HTTP: the real server's MCP endpoint URL" };
        var maxBytes = new Option<int>("--max-message-bytes")
        {
            Description = "largest JSON-RPC message relayed in either direction",
            DefaultValueFactory = _ => new GatewayOptions().MaxMessageBytes,
        };
        var callTimeout = new Option<string?>("--call-timeout") { Description = "how long a forwarded tools/call may go unanswered (overrides the policy's call_timeout), e.g. 60s" };
        var serverName = new Option<string?>("--server-name") { Description = "the server's name for tool rules and the audit (default: its serverInfo.name)" };
        var rules = new Option<string[]>("--rules")
        {
            Description = "Rule file or folder (recursive); repeatable; added to Parry's own rule pack",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = false,
        };
        var noDefault = new Option<bool>("--no-default-rules") { Description = "Do not load Parry's own rule pack" };
        var placeholders = CommonOptions.Placeholders();
        var detections = new Option<string?>("--detections")
        {
            Description = "Write detections and campaigns as JSONL (the shapes of parry hunt --format jsonl); campaigns are rewritten as they change and at the end, then a summary",
            HelpName = "FILE",
        };
        var command = new Argument<string[]>("command")
        {
            Description = "stdio: the MCP server to start, after --",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var gateway = new Command("gateway", "MCP proxy that enforces the engagement's policy, holds decision points for a human and audits every tool call")
        {
            policy, audit, auditFsync, control, listen, upstream, maxBytes, callTimeout, serverName, rules, noDefault, placeholders,
            detections, command,
        };
        gateway.SetAction(async (result, cancellation) =>
        {
            TimeSpan? timeout = null;
            if (result.GetValue(callTimeout) is { } text)
            {
                if (!DurationParser.TryParse(text, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"parry gateway: --call-timeout '{text}' is not a duration such as 30s or 2m").ConfigureAwait(false);
                    return 2;
                }
                timeout = parsed;
            }
            if (!Setup.TryLoadRules(result.GetValue(rules) ?? [], !result.GetValue(noDefault), result.GetValue(placeholders), out var loaded)
                || !Setup.TryLoadMap([], out var map))
                return 1;
            var detection = GatewayDetection.Compile(loaded, map);
            var detectionsPath = result.GetValue(detections);
            Stream? detectionsFile = null;
            if (detectionsPath is not null)
            {
                try
                {
                    detectionsFile = OpenPrivate(detectionsPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"parry gateway: cannot open --detections {detectionsPath}: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            }
            await using var file = detectionsFile;
            using var sink = detectionsFile is null ? null : new JsonlHuntSink(detectionsFile);
            var options = new GatewayOptions
            {
                Command = result.GetValue(command) ?? [],
                Listen = result.GetValue(listen),
                Upstream = result.GetValue(upstream),
                PolicyPath = result.GetValue(policy),
                AuditPath = result.GetValue(audit),
                AuditFsync = result.GetValue(auditFsync),
                ControlPath = result.GetValue(control),
                MaxMessageBytes = result.GetValue(maxBytes),
                CallTimeout = timeout,
                ServerName = result.GetValue(serverName),
                Detection = detection,
                DetectionSink = sink,
            };
            return await GatewayHost.RunAsync(options, cancellation: cancellation).ConfigureAwait(false);
        });
        return gateway;
    }

    // Unbuffered, so each line reaches the file as it is written; owner-only, like the audit log: the events it holds
    // are redacted, but they still say what the agent did.
    private static FileStream OpenPrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
