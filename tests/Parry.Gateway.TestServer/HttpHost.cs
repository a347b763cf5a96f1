using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Parry.Gateway.TestServer;

/// <summary>A minimal streamable HTTP host around the SDK's <see cref="StreamableHttpServerTransport"/> at /mcp.</summary>
internal static class HttpHost
{
    private sealed record Session(StreamableHttpServerTransport Transport, McpServer Server, Task Run);

    public static async Task<int> RunAsync(int port, CallLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        var sessions = new ConcurrentDictionary<string, Session>();

        app.MapPost("/mcp", async context =>
        {
            var message = await JsonSerializer.DeserializeAsync<JsonRpcMessage>(
                context.Request.Body, McpJsonUtilities.DefaultOptions, context.RequestAborted);
            if (message is null)
            {
                context.Response.StatusCode = 400;
                return;
            }
            var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
            Session? session;
            if (sessionId.Length == 0)
            {
                sessionId = Guid.NewGuid().ToString("N");
                var transport = new StreamableHttpServerTransport(null) { SessionId = sessionId };
                var server = McpServer.Create(transport, ServerOptionsFactory.Create(log));
                session = new Session(transport, server, server.RunAsync());
                sessions[sessionId] = session;
            }
            else if (!sessions.TryGetValue(sessionId, out session))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.Headers["Mcp-Session-Id"] = sessionId;
            context.Response.ContentType = "text/event-stream";
            var wrote = await session.Transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted);
            if (!wrote)
            {
                context.Response.ContentType = null;
                context.Response.StatusCode = 202;
            }
        });
        app.MapGet("/mcp", async context =>
        {
            if (!sessions.TryGetValue(context.Request.Headers["Mcp-Session-Id"].ToString(), out var session))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync(context.RequestAborted);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapDelete("/mcp", async context =>
        {
            if (sessions.TryRemove(context.Request.Headers["Mcp-Session-Id"].ToString(), out var session))
            {
                await session.Transport.DisposeAsync();
                await session.Server.DisposeAsync();
            }
            context.Response.StatusCode = 200;
        });
        Console.Error.WriteLine($"parry-test-server: http ready on {port}");
        await app.RunAsync();
        return 0;
    }
}
