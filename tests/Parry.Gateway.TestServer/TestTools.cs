using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Parry.Gateway.TestServer;

/// <summary>Harmless tools: none touches the network or the disk (beyond the call log); the ones named like an
/// agent's tools (run_command, read_file, fetch_url) only echo what they were asked.</summary>
internal static class TestTools
{
    public static IEnumerable<McpServerTool> All(CallLog log) =>
    [
        McpServerTool.Create(
            [Description("Echoes the message back.")] (string message) =>
            {
                log.Record("echo", message);
                return "echo: " + message;
            },
            new McpServerToolCreateOptions { Name = "echo" }),
        McpServerTool.Create(
            [Description("Pretends to fetch a URL: only echoes the URL back, never touches the network.")] (string url) =>
            {
                log.Record("fetch_url", url);
                return "would fetch: " + url;
            },
            new McpServerToolCreateOptions { Name = "fetch_url" }),
        McpServerTool.Create(
            [Description("Pretends to run a shell command: only echoes the command line back, never runs anything.")] (string command) =>
            {
                log.Record("run_command", command);
                return "would run: " + command;
            },
            new McpServerToolCreateOptions { Name = "run_command" }),
        McpServerTool.Create(
            [Description("Pretends to read a file: only echoes the path back, never opens it.")] (string path) =>
            {
                log.Record("read_file", path);
                return "would read: " + path;
            },
            new McpServerToolCreateOptions { Name = "read_file" }),
        McpServerTool.Create(
            [Description("Always fails as a tool (isError), echoing its argument: a failed login, a refused connection.")] (string attempt) =>
            {
                log.Record("fail", attempt);
                throw new McpException("refused: " + attempt);
            },
            new McpServerToolCreateOptions { Name = "fail" }),
        McpServerTool.Create(
            [Description("Waits the given number of milliseconds, then answers (a slow or hanging server).")]
            async (int milliseconds, CancellationToken cancellation) =>
            {
                log.Record("sleep", milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Task.Delay(milliseconds, cancellation);
                return "slept";
            },
            new McpServerToolCreateOptions { Name = "sleep" }),
        McpServerTool.Create(
            [Description("Reports progress in steps, then answers (server-to-client notifications).")]
            async (int steps, IProgress<ProgressNotificationValue> progress, CancellationToken cancellation) =>
            {
                log.Record("progress", steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 1; i <= steps; i++)
                {
                    progress.Report(new ProgressNotificationValue { Progress = i, Total = steps, Message = $"step {i}" });
                    await Task.Delay(50, cancellation);
                }
                return $"done after {steps} steps";
            },
            new McpServerToolCreateOptions { Name = "progress" }),
        McpServerTool.Create(
            [Description("Ends the server process at once (a server that dies mid-call).")] () =>
            {
                log.Record("exit", "");
                Environment.Exit(3);
                return "unreachable";
            },
            new McpServerToolCreateOptions { Name = "exit" }),
    ];

    public static IEnumerable<McpServerPrompt> Prompts() =>
    [
        McpServerPrompt.Create(
            [Description("A greeting prompt.")] (string name) => "Say hello to " + name,
            new McpServerPromptCreateOptions { Name = "greet" }),
    ];

    public static IEnumerable<McpServerResource> Resources() =>
    [
        McpServerResource.Create(
            () => "Parry test resource text",
            new McpServerResourceCreateOptions { Name = "readme", UriTemplate = "test://readme", MimeType = "text/plain" }),
    ];
}
