using ModelContextProtocol.Client;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.EndToEnd;

/// <summary>The official C# MCP client speaks streamable HTTP to <c>parry gateway --listen … --upstream …</c>.</summary>
public class HttpEndToEndTests
{
    private static HttpClientTransport Transport(int port) => new(new HttpClientTransportOptions
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
    });

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task The_csharp_sdk_client_and_server_work_through_the_gateway(string protocolVersion)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("policy.yml"), EndToEndScenario.Policy);
        var upstreamPort = FreePort.Next();
        await using var upstream = await Servers.TestServerHttpAsync(upstreamPort, dir.File("calls.log"));
        var port = FreePort.Next();
        await using var gateway = await Servers.GatewayHttpAsync(port, $"http://127.0.0.1:{upstreamPort}/mcp",
            dir.File("policy.yml"), dir.File("audit.jsonl"), dir.File("ctl.sock"));
        await using (var client = await McpClient.CreateAsync(Transport(port), EndToEndScenario.Options(protocolVersion)))
        {
            client.NegotiatedProtocolVersion.ShouldBe(protocolVersion);
            await EndToEndScenario.RunAgainstTestServerAsync(client, dir.File("ctl.sock"), dir.File("calls.log"), dir.File("audit.jsonl"));
        }
        EndToEndScenario.Decisions(dir.File("audit.jsonl")).ShouldAllBe(d => d.GetProperty("transport").GetString() == "http");
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task The_npm_everything_server_works_through_the_gateway(string protocolVersion)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("policy.yml"), EndToEndScenario.Policy);
        var upstreamPort = FreePort.Next();
        await using var upstream = await Servers.EverythingHttpAsync(upstreamPort);
        var port = FreePort.Next();
        await using var gateway = await Servers.GatewayHttpAsync(port, $"http://127.0.0.1:{upstreamPort}/mcp",
            dir.File("policy.yml"), dir.File("audit.jsonl"), dir.File("ctl.sock"));
        await using var client = await McpClient.CreateAsync(Transport(port), EndToEndScenario.Options(protocolVersion));
        await EndToEndScenario.RunAgainstEverythingAsync(client, dir.File("ctl.sock"), dir.File("audit.jsonl"));
    }
}
