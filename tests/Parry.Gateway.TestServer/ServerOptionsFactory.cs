using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Parry.Gateway.TestServer;

internal static class ServerOptionsFactory
{
    public static McpServerOptions Create(CallLog log)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "parry-test-server", Version = "1.0.0" },
            ToolCollection = [],
            PromptCollection = [],
            ResourceCollection = [],
        };
        foreach (var tool in TestTools.All(log))
            options.ToolCollection.Add(tool);
        foreach (var prompt in TestTools.Prompts())
            options.PromptCollection.Add(prompt);
        foreach (var resource in TestTools.Resources())
            options.ResourceCollection.Add(resource);
        return options;
    }
}
