using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Parry.Gateway.Approvals;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.EndToEnd;

/// <summary>
/// What every end-to-end test checks, whatever the transport: a real MCP client (the official C# SDK) talks to a real
/// server through the parry gateway process, and the operator approves and denies held calls through the real control
/// socket.
/// </summary>
internal static class EndToEndScenario
{
    public const string Policy = """
        scope: { targets: ["10.10.0.0/16"] }
        on_out_of_scope: deny
        approval_timeout: 60s
        tools:
          - { tool: "progress", action: hold, reason: "long jobs need a human" }
          - { tool: "get-sum", action: hold }
          - { tool: "get-env", action: deny, reason: "the environment holds secrets" }
        """;

    public static McpClientOptions Options(string protocolVersion) => new()
    {
        ProtocolVersion = protocolVersion,
        ClientInfo = new Implementation { Name = "parry-e2e", Version = "1.0" },
    };

    /// <summary>Against the C# test server: pass-through of tools, prompts, resources, notifications; allow, deny,
    /// and holds approved and denied by the operator. Returns the audit log's records.</summary>
    public static async Task RunAgainstTestServerAsync(McpClient client, string control, string callLog, string audit)
    {
        var tools = await client.ListToolsAsync();
        tools.Select(t => t.Name).ShouldBe(["echo", "fetch_url", "run_command", "read_file", "fail", "sleep", "progress", "exit"], ignoreOrder: true);
        (await client.ListPromptsAsync()).Single().Name.ShouldBe("greet");
        var prompt = await client.GetPromptAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada" });
        ((TextContentBlock)prompt.Messages.Single().Content).Text.ShouldContain("Ada");
        var resource = (await client.ListResourcesAsync()).Single();
        var read = await client.ReadResourceAsync(resource.Uri);
        ((TextResourceContents)read.Contents.Single()).Text.ShouldBe("Parry test resource text");
        await client.PingAsync();

        var echo = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hello" });
        ((TextContentBlock)echo.Content.Single()).Text.ShouldBe("echo: hello");

        var denied = await Should.ThrowAsync<McpException>(() => client.CallToolAsync("fetch_url",
            new Dictionary<string, object?> { ["url"] = "http://203.0.113.5/admin" }).AsTask());
        denied.Message.ShouldContain("parry: denied by rule 'scope': target http://203.0.113.5/admin (in 'url') is outside the authorised scope");

        // Held, then approved by the operator through the control socket; progress notifications flow back.
        var progress = new ProgressCollector();
        var approved = client.CallToolAsync("progress", new Dictionary<string, object?> { ["steps"] = 3 }, progress).AsTask();
        var held = await WaitForHeldAsync(control, "progress");
        held.Reason.ShouldBe("long jobs need a human");
        (await ApprovalsConsole.DecideAsync(held.Id, approve: true, "reviewed", control, TextWriter.Null, TextWriter.Null)).ShouldBe(0);
        ((TextContentBlock)(await approved).Content.Single()).Text.ShouldBe("done after 3 steps");
        // The SDK server sends progress without awaiting it, so the last one may race its result and be dropped by the
        // client; the earlier ones prove that server notifications cross the gateway.
        await StdioHarness.WaitUntilAsync(() => progress.Count >= 1, "progress notifications arrive");

        // Held, then denied by the operator.
        var refused = client.CallToolAsync("progress", new Dictionary<string, object?> { ["steps"] = 1 }).AsTask();
        var second = await WaitForHeldAsync(control, "progress");
        (await ApprovalsConsole.DecideAsync(second.Id, approve: false, "not in this window", control, TextWriter.Null, TextWriter.Null)).ShouldBe(0);
        // The SDK shortens long error messages; the gateway puts what matters first.
        (await Should.ThrowAsync<McpException>(refused)).Message.ShouldContain(
            "parry: denied by rule 'tools[0]:progress': denied by the operator: not in this window");

        // The server saw exactly the allowed and approved calls.
        File.ReadAllLines(callLog).ShouldBe(["echo\thello", "progress\t3"]);

        await StdioHarness.WaitUntilAsync(() => Decisions(audit).Count == 6, "every decision is audited");
        Decisions(audit).Select(d => (d.GetProperty("tool").GetString(), d.GetProperty("decision").GetString())).ShouldBe(
        [
            ("echo", "allow"), ("fetch_url", "deny"), ("progress", "hold"), ("progress", "allow"), ("progress", "hold"), ("progress", "deny"),
        ]);
        Decisions(audit).ShouldAllBe(d => d.GetProperty("client").GetProperty("name").GetString() == "parry-e2e"
            && d.GetProperty("server").GetString() == "parry-test-server");
        await StdioHarness.WaitUntilAsync(() => Records(audit).Count(r => r.GetProperty("type").GetString() == "result") == 2, "results are audited");
    }

    /// <summary>Against the npm server-everything: the same pass-through, an allowed call, a denied one and an approved hold.</summary>
    public static async Task RunAgainstEverythingAsync(McpClient client, string control, string audit)
    {
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        tools.ShouldContain("echo");
        tools.ShouldContain("get-sum");
        (await client.ListPromptsAsync()).ShouldNotBeEmpty();
        var resources = await client.ListResourcesAsync();
        resources.ShouldNotBeEmpty();
        (await client.ReadResourceAsync(resources[0].Uri)).Contents.ShouldNotBeEmpty();

        var echo = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "through parry" });
        ((TextContentBlock)echo.Content.Single()).Text.ShouldBe("Echo: through parry");

        (await Should.ThrowAsync<McpException>(() => client.CallToolAsync("get-env").AsTask()))
            .Message.ShouldContain("parry: denied by rule 'tools[2]:get-env': the environment holds secrets");

        var sum = client.CallToolAsync("get-sum", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }).AsTask();
        var held = await WaitForHeldAsync(control, "get-sum");
        (await ApprovalsConsole.DecideAsync(held.Id, approve: true, null, control, TextWriter.Null, TextWriter.Null)).ShouldBe(0);
        ((TextContentBlock)(await sum).Content.Single()).Text.ShouldContain("5");

        await StdioHarness.WaitUntilAsync(() => Decisions(audit).Count == 4, "every decision is audited");
        Decisions(audit).Select(d => d.GetProperty("decision").GetString()).ShouldBe(["allow", "deny", "hold", "allow"]);
    }

    private static async Task<PendingApproval> WaitForHeldAsync(string control, string tool)
    {
        using var client = new ControlClient(control);
        PendingApproval? held = null;
        await StdioHarness.WaitUntilAsync(() =>
        {
            held = client.ListAsync().GetAwaiter().GetResult().Pending.SingleOrDefault(p => p.Tool == tool);
            return held is not null;
        }, $"a {tool} call is held");
        return held!;
    }

    public static List<JsonElement> Records(string audit) =>
        File.Exists(audit) ? [.. File.ReadAllLines(audit).Select(l => JsonDocument.Parse(l).RootElement.Clone())] : [];

    public static List<JsonElement> Decisions(string audit) =>
        [.. Records(audit).Where(r => r.GetProperty("type").GetString() == "decision")];

    private sealed class ProgressCollector : IProgress<ProgressNotificationValue>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Report(ProgressNotificationValue value) => Interlocked.Increment(ref _count);
    }
}
