using Parry.Gateway.Hosting;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Hosting;

public class GatewayHostTests
{
    private static async Task<(int Code, string Error)> RunAsync(GatewayOptions options)
    {
        var error = new StringWriter();
        var code = await GatewayHost.RunAsync(options, Stream.Null, Stream.Null, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, error.ToString());
    }

    [Fact]
    public async Task A_broken_policy_stops_the_gateway_before_it_starts_with_every_located_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.yml"), "scope:\n  targets: [\"300.1.1.1/8\"]\non_out_of_scope: maybe\n");
        var (code, error) = await RunAsync(new GatewayOptions { PolicyPath = dir.File("p.yml"), Command = ["cat"], ControlPath = dir.File("c.sock") });
        code.ShouldBe(1);
        error.ShouldContain(dir.File("p.yml") + ":2:");
        error.ShouldContain(dir.File("p.yml") + ":3:");
        error.ShouldContain("does not start");
    }

    [Theory]
    [InlineData(null, null, "either")]
    [InlineData("127.0.0.1:9", null, "--upstream")]
    [InlineData("localhost:9", "http://127.0.0.1:1/mcp", "--listen")]
    [InlineData("127.0.0.1:9", "ftp://x/mcp", "--upstream")]
    public async Task Usage_errors_exit_2(string? listen, string? upstream, string message)
    {
        var (code, error) = await RunAsync(new GatewayOptions { Listen = listen, Upstream = upstream });
        code.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public async Task Both_transports_at_once_is_a_usage_error() =>
        (await RunAsync(new GatewayOptions { Command = ["cat"], Listen = "127.0.0.1:9", Upstream = "http://127.0.0.1:1/" })).Code.ShouldBe(2);

    [Fact]
    public async Task An_audit_log_that_cannot_be_opened_stops_the_gateway()
    {
        var (code, error) = await RunAsync(new GatewayOptions { AuditPath = "/nonexistent/dir/audit.jsonl", Command = ["cat"] });
        code.ShouldBe(1);
        error.ShouldContain("cannot open the audit log");
    }

    [Fact]
    public async Task With_no_policy_the_built_in_default_applies_and_the_run_ends_with_the_client()
    {
        using var dir = new TempDirectory();
        var (code, error) = await RunAsync(new GatewayOptions { Command = ["cat"], ControlPath = dir.File("c.sock") });
        code.ShouldBe(0);
        error.ShouldContain("policy: built-in default");
    }
}
