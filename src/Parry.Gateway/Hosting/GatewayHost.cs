using System.Net;
using Parry.Gateway.Approvals;
using Parry.Gateway.Audit;
using Parry.Gateway.Engine;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy;
using Parry.Gateway.Proxy.Http;
using Parry.Gateway.Proxy.Stdio;

namespace Parry.Gateway.Hosting;

/// <summary>
/// Runs <c>parry gateway</c>: checks the options, loads the policy (refusing to start on any error), opens the audit
/// log and the control socket, then proxies stdio or streamable HTTP until the session or the process ends.
/// Exit codes as in CONTRACT.md: 0 done, 1 could not (broken policy, unwritable audit, server would not start),
/// 2 usage.
/// </summary>
public static class GatewayHost
{
    /// <summary>
    /// Runs the gateway on this process's stdin, stdout and stderr. <paramref name="inspector"/> is added to the
    /// built-in one (the full engine plugs in here); <paramref name="time"/> defaults to the system clock.
    /// </summary>
    public static Task<int> RunAsync(GatewayOptions options, IToolCallInspector? inspector = null, TimeProvider? time = null,
        CancellationToken cancellation = default) =>
        RunAsync(options, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, inspector, time, cancellation);

    public static async Task<int> RunAsync(GatewayOptions options, Stream input, Stream output, TextWriter error,
        IToolCallInspector? inspector = null, TimeProvider? time = null, CancellationToken cancellation = default)
    {
        var diagnostics = new Diagnostics(error);
        time ??= TimeProvider.System;
        var stdio = options.Command.Count > 0;
        var http = options.Listen is not null || options.Upstream is not null;
        if (stdio == http)
        {
            diagnostics.Report("give either -- COMMAND [ARGS...] (stdio) or --listen HOST:PORT --upstream URL (streamable HTTP)");
            return 2;
        }
        IPEndPoint? endpoint = null;
        Uri? upstream = null;
        if (http && !TryReadHttp(options, diagnostics, out endpoint, out upstream))
            return 2;
        if (options.MaxMessageBytes < 1024)
        {
            diagnostics.Report("--max-message-bytes must be at least 1024");
            return 2;
        }

        GatewayPolicy policy;
        try
        {
            policy = options.PolicyPath is null ? GatewayPolicy.Default : PolicyLoader.LoadFile(options.PolicyPath);
        }
        catch (PolicyException e)
        {
            foreach (var problem in e.Errors)
                diagnostics.Report(problem.ToString());
            diagnostics.Report("the policy has errors; the gateway does not start");
            return 1;
        }

        AuditLog audit;
        try
        {
            audit = options.AuditPath is null ? AuditLog.Disabled(time) : AuditLog.OpenFile(options.AuditPath, time, options.AuditFsync);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report($"cannot open the audit log {options.AuditPath}: {e.Message}");
            return 1;
        }

        using (audit)
        {
            var approvals = new ApprovalQueue(time);
            await using var engine = options.Detection is { } detection
                ? new DetectionInspector(detection, options.DetectionSink,
                    options.DetectionOptions with { SessionHoldLevel = policy.SessionHold ? policy.DecisionLevel : null },
                    time, diagnostics.Report)
                : null;
            var inspectors = new List<IToolCallInspector> { new BuiltInInspector() };
            if (engine is not null)
                inspectors.Add(engine);
            if (inspector is not null)
                inspectors.Add(inspector);
            IToolCallInspector combined = inspectors.Count == 1 ? inspectors[0] : new CompositeInspector(inspectors);
            var runtime = new GatewayRuntime(policy, combined, audit, approvals, time, diagnostics,
                new GatewayLimits(options.MaxMessageBytes, options.CallTimeout, options.ServerName));

            var socket = options.ControlPath ?? ControlPaths.DefaultSocket;
            ControlServer control;
            try
            {
                control = await ControlServer.StartAsync(socket, approvals,
                    new ControlInfo(Environment.ProcessId, stdio ? "stdio" : "http",
                        options.ServerName ?? (stdio ? options.Command[0] : options.Upstream!), policy.Source)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                diagnostics.Report($"cannot open the control socket {socket}: {e.Message}");
                return 1;
            }

            await using (control)
            {
                diagnostics.Report($"policy: {policy.Source}; audit: {options.AuditPath ?? "off"}; approvals: parry approvals list --control {socket}");
                if (options.Detection is { } loaded)
                    diagnostics.Report($"detection: {loaded.RulesLoaded} rules and correlations ({loaded.Correlations.Count} correlations){(options.DetectionSink is null ? "" : ", detections and campaigns written as they are found")}");
                try
                {
                    if (stdio)
                        return await new StdioGateway(runtime, options.Command).RunAsync(input, output, cancellation).ConfigureAwait(false);
                    await using var gateway = await HttpGateway.StartAsync(runtime, endpoint!, upstream!).ConfigureAwait(false);
                    diagnostics.Report($"listening on {gateway.Address} for {upstream}");
                    await gateway.WaitAsync(cancellation).ConfigureAwait(false);
                    return 0;
                }
                finally
                {
                    approvals.DenyAll("shutdown", "the gateway stopped");
                    // Held calls denied just now are recorded before the record closes with every campaign.
                    if (engine is not null)
                        await engine.CompleteAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static bool TryReadHttp(GatewayOptions options, Diagnostics diagnostics, out IPEndPoint? endpoint, out Uri? upstream)
    {
        endpoint = null;
        upstream = null;
        if (options.Listen is null || !IPEndPoint.TryParse(options.Listen, out endpoint) || endpoint.Port == 0 && !options.Listen.EndsWith(":0", StringComparison.Ordinal))
        {
            diagnostics.Report($"--listen needs HOST:PORT with an IP address, such as 127.0.0.1:8931 (got '{options.Listen}')");
            return false;
        }
        if (!IPAddress.IsLoopback(endpoint.Address))
            diagnostics.Report($"warning: listening on {endpoint.Address}, which is not a loopback address");
        if (options.Upstream is null || !Uri.TryCreate(options.Upstream, UriKind.Absolute, out upstream)
            || upstream.Scheme is not ("http" or "https"))
        {
            diagnostics.Report($"--upstream needs the server's MCP endpoint URL, such as http://127.0.0.1:3001/mcp (got '{options.Upstream}')");
            return false;
        }
        return true;
    }
}
