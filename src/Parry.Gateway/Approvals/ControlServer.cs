using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Parry.Gateway.Approvals;

/// <summary>
/// The gateway's local control endpoint: HTTP on a Unix domain socket whose file is readable and writable by its owner
/// only (0600), so the operating system decides who may approve calls; nothing listens on the network, there is no
/// token to leak, and browsers cannot reach it. Routes: <c>GET /v1/approvals</c>,
/// <c>POST /v1/approvals/{id}/approve</c>, <c>POST /v1/approvals/{id}/deny</c> (body <c>{"reason": "…"}</c>).
/// </summary>
internal sealed class ControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlServer(WebApplication app, string path)
    {
        _app = app;
        SocketPath = path;
    }

    public string SocketPath { get; }

    public static async Task<ControlServer> StartAsync(string socketPath, ApprovalQueue approvals, ControlInfo info)
    {
        ControlPaths.PrepareDirectory(socketPath);
        RemoveStaleSocket(socketPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath));
        var app = builder.Build();
        // Plain request delegates rather than parameter-binding lambdas: binding is done by reflection and generated
        // code, which the native (NativeAOT) build of parry has not got.
        app.MapGet("/v1/approvals", context =>
            Results.Json(new ControlListing(info, approvals.List()), ControlJsonContext.Default.ControlListing).ExecuteAsync(context));
        app.MapPost("/v1/approvals/{id}/approve", context => DecideAsync(approvals, context, approve: true));
        app.MapPost("/v1/approvals/{id}/deny", context => DecideAsync(approvals, context, approve: false));
        await app.StartAsync().ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new ControlServer(app, socketPath);
    }

    private static async Task DecideAsync(ApprovalQueue approvals, HttpContext context, bool approve)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        var result = await DecisionAsync(approvals, id, context.Request, approve).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task<IResult> DecisionAsync(ApprovalQueue approvals, string id, HttpRequest request, bool approve)
    {
        string? reason = null;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                using var body = JsonDocument.Parse(text);
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("reason", out var r)
                    && r.ValueKind == JsonValueKind.String)
                    reason = r.GetString();
            }
            catch (JsonException e)
            {
                return Results.Json(new ControlError("the body must be JSON such as {\"reason\": \"...\"}: " + e.Message), ControlJsonContext.Default.ControlError, statusCode: 400);
            }
        }
        var done = approve ? approvals.Approve(id, reason) : approvals.Deny(id, reason);
        return done
            ? Results.Json(new ControlDecision(id, approve ? "allow" : "deny"), ControlJsonContext.Default.ControlDecision)
            : Results.Json(new ControlError($"no held call with id {id}"), ControlJsonContext.Default.ControlError, statusCode: 404);
    }

    private static void RemoveStaleSocket(string path)
    {
        if (!File.Exists(path))
            return;
        if (new FileInfo(path).Length > 0)
            throw new InvalidOperationException($"{path} exists and is not a socket; choose another --control path");
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            File.Delete(path); // left behind by a gateway that is gone
            return;
        }
        throw new InvalidOperationException($"another gateway is listening on the control socket {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        try
        {
            File.Delete(SocketPath);
        }
        catch (IOException)
        {
            // Left for the next gateway to clear as stale.
        }
    }
}
