using ModelContextProtocol.Client;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.EndToEnd;

/// <summary>The official C# MCP client starts <c>parry gateway -- SERVER</c> as its stdio server.</summary>
public class StdioEndToEndTests
{
    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task The_csharp_sdk_client_and_server_work_through_the_gateway(string protocolVersion)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("policy.yml"), EndToEndScenario.Policy);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "parry",
            Command = TestPaths.Parry,
            Arguments = Servers.GatewayStdioArguments(dir.File("policy.yml"), dir.File("audit.jsonl"), dir.File("ctl.sock"),
                Servers.TestServerStdio(dir.File("calls.log"))),
        });
        await using (var client = await McpClient.CreateAsync(transport, EndToEndScenario.Options(protocolVersion)))
        {
            client.NegotiatedProtocolVersion.ShouldBe(protocolVersion);
            await EndToEndScenario.RunAgainstTestServerAsync(client, dir.File("ctl.sock"), dir.File("calls.log"), dir.File("audit.jsonl"));
        }
        File.Exists(dir.File("ctl.sock")).ShouldBeFalse("the gateway removes its control socket when it ends");
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task The_npm_everything_server_works_through_the_gateway(string protocolVersion)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("policy.yml"), EndToEndScenario.Policy);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "parry",
            Command = TestPaths.Parry,
            Arguments = Servers.GatewayStdioArguments(dir.File("policy.yml"), dir.File("audit.jsonl"), dir.File("ctl.sock"), Servers.EverythingStdio()),
        });
        await using var client = await McpClient.CreateAsync(transport, EndToEndScenario.Options(protocolVersion));
        await EndToEndScenario.RunAgainstEverythingAsync(client, dir.File("ctl.sock"), dir.File("audit.jsonl"));
    }
}
