using System.Diagnostics;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Hosting;

/// <summary>The parry executable's gateway and approvals commands, as processes.</summary>
public class CliTests
{
    private static async Task<(int Code, string Output, string Error)> ParryAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(TestPaths.Dotnet, [TestPaths.ParryDll, .. arguments])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
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
}
