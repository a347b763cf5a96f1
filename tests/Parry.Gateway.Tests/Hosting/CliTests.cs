using System.Diagnostics;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Hosting;

/// <summary>The parry executable's gateway and approvals commands, as processes.</summary>
public class CliTests
{
    private static Task<(int Code, string Output, string Error)> ParryAsync(params string[] arguments) => ParryWithRuntimeDirectoryAsync(null, arguments);

    /// <summary>Runs parry with XDG_RUNTIME_DIR set, so the default control folder is the test's own.</summary>
    private static async Task<(int Code, string Output, string Error)> ParryWithRuntimeDirectoryAsync(string? runtimeDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(TestPaths.Parry, TestPaths.ParryArguments(arguments))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (runtimeDirectory is not null)
            info.Environment["XDG_RUNTIME_DIR"] = runtimeDirectory;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task A_policy_with_unknown_keys_exits_1_naming_file_and_line()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.yml"), "scope: {}\nsurprise: true\n");
        var (code, _, error) = await ParryAsync("gateway", "--policy", dir.File("p.yml"), "--control", dir.File("c.sock"), "--", "cat");
        code.ShouldBe(1);
        error.ShouldContain($"{dir.File("p.yml")}:2:1: unknown key 'surprise'");
    }

    [Fact]
    public async Task A_bad_duration_is_a_usage_error() =>
        (await ParryAsync("gateway", "--call-timeout", "soon", "--", "cat")).Code.ShouldBe(2);

    [Fact]
    public async Task The_stdio_gateway_runs_a_server_until_the_client_closes()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = await ParryAsync("gateway", "--audit", dir.File("a.jsonl"), "--control", dir.File("c.sock"), "--", "cat");
        code.ShouldBe(0);
        error.ShouldContain("policy: built-in default");
    }

    [Fact]
    public async Task Approvals_with_no_gateway_exit_1()
    {
        var (code, _, error) = await ParryAsync("approvals", "list", "--control", "/tmp/parry-none.sock");
        code.ShouldBe(1);
        error.ShouldContain("cannot reach the gateway");
        (await ParryAsync("approvals", "approve")).Code.ShouldBe(2, "a missing id is a usage error");
    }

    [Fact]
    public async Task Parry_approvals_finds_the_gateway_in_the_default_folder_and_decides()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.yml"), "tools_default: hold\napproval_timeout: 5m\n");
        var info = new ProcessStartInfo(TestPaths.Parry, TestPaths.ParryArguments("gateway", "--policy", dir.File("p.yml"), "--audit", dir.File("a.jsonl"), "--", "cat"))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["XDG_RUNTIME_DIR"] = dir.Path;
        using var gateway = Process.Start(info)!;
        var stderr = gateway.StandardError.ReadToEndAsync();
        try
        {
            await gateway.StandardInput.WriteLineAsync(StdioHarness.ToolCall(7, "scan_host", """{"profile":"quick"}"""));
            await gateway.StandardInput.FlushAsync();

            string listing = "";
            await StdioHarness.WaitUntilAsync(() =>
            {
                listing = ParryWithRuntimeDirectoryAsync(dir.Path, "approvals", "list", "--format", "json").GetAwaiter().GetResult().Output;
                return listing.Contains("scan_host", StringComparison.Ordinal);
            }, "parry approvals list shows the held call");
            var id = System.Text.Json.JsonDocument.Parse(listing).RootElement[0].GetProperty("pending")[0].GetProperty("id").GetString()!;
            File.Exists(Path.Combine(dir.Path, "parry", $"gateway-{gateway.Id}.sock")).ShouldBeTrue();

            var (code, output, _) = await ParryWithRuntimeDirectoryAsync(dir.Path, "approvals", "deny", id, "--reason", "not in scope today");
            code.ShouldBe(0);
            output.ShouldContain($"{id}: denied");
            var answer = await gateway.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            System.Text.Json.JsonDocument.Parse(answer!).RootElement.GetProperty("error").GetProperty("message").GetString()
                .ShouldBe("parry: denied by rule 'tools_default': denied by the operator: not in scope today (held for approval: tool 'scan_host' matches no entry of the policy's tools list)");
        }
        finally
        {
            gateway.StandardInput.Close();
            await gateway.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        gateway.ExitCode.ShouldBe(0, await stderr);
    }
}
