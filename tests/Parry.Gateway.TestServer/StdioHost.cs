using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Server;

namespace Parry.Gateway.TestServer;

internal static class StdioHost
{
    public static async Task<int> RunAsync(CallLog log)
    {
        Console.Error.WriteLine("parry-test-server: stdio ready");
        var transport = new StdioServerTransport("parry-test-server", NullLoggerFactory.Instance);
        await using var server = McpServer.Create(transport, ServerOptionsFactory.Create(log));
        await server.RunAsync();
        return 0;
    }
}
