namespace Parry.Gateway.Tests.Support;

/// <summary>The real MCP servers the end-to-end tests put behind the gateway.</summary>
internal static class Servers
{
    public static string[] TestServerStdio(string callLog) => [TestPaths.Dotnet, TestPaths.TestServerDll, "stdio", "--call-log", callLog];

    public static string[] EverythingStdio() => ["node", TestPaths.ServerEverything, "stdio"];

    public static Task<BackgroundProcess> TestServerHttpAsync(int port, string callLog) =>
        BackgroundProcess.StartAsync(TestPaths.Dotnet, [TestPaths.TestServerDll, "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--call-log", callLog], port);

    public static Task<BackgroundProcess> EverythingHttpAsync(int port) =>
        BackgroundProcess.StartAsync("node", [TestPaths.ServerEverything, "streamableHttp"], port,
            new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The parry gateway as its own process, in front of an HTTP upstream.</summary>
    public static Task<BackgroundProcess> GatewayHttpAsync(int port, string upstream, string policy, string audit, string control, params string[] extra) =>
        BackgroundProcess.StartAsync(TestPaths.Parry,
            TestPaths.ParryArguments(["gateway", "--listen", $"127.0.0.1:{port}", "--upstream", upstream, "--policy", policy, "--audit", audit, "--control", control, .. extra]),
            port);

    /// <summary>The arguments that run the parry gateway (<see cref="TestPaths.Parry"/>) over stdio in front of <paramref name="server"/>.</summary>
    public static string[] GatewayStdioArguments(string policy, string audit, string control, IEnumerable<string> server) =>
        TestPaths.ParryArguments(["gateway", "--policy", policy, "--audit", audit, "--control", control, "--", .. server]);
}
