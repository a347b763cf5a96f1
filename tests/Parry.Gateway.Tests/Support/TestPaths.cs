using System.Diagnostics;
using Parry.TestSupport;

namespace Parry.Gateway.Tests.Support;

/// <summary>Where the processes the end-to-end tests start live, built in the same configuration as the tests.</summary>
internal static class TestPaths
{
    private static readonly Lock InstallGate = new();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static string ParryDll => Existing(Path.Combine(Corpora.RepositoryRoot, "src", "Parry.Cli", "bin", Configuration, "net10.0", "parry.dll"));

    public static string TestServerDll => Existing(Path.Combine(Corpora.RepositoryRoot, "tests", "Parry.Gateway.TestServer", "bin", Configuration, "net10.0", "Parry.Gateway.TestServer.dll"));

    public static string Dotnet => ParryCommand.Dotnet;

    /// <summary>The program that runs parry: dotnet, or the native build <c>PARRY_CLI</c> names.</summary>
    public static string Parry => ParryCommand.Program;

    /// <summary>The arguments that run parry with <paramref name="args"/>.</summary>
    public static string[] ParryArguments(params IEnumerable<string> args) => ParryCommand.Arguments(() => ParryDll, args);

    /// <summary>The npm server-everything entry point, installed by scripts/install-test-deps.sh when missing.</summary>
    public static string ServerEverything
    {
        get
        {
            var entry = Path.Combine(Corpora.RepositoryRoot, "tests", "mcp-servers", "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js");
            lock (InstallGate)
            {
                if (!File.Exists(entry))
                    Install();
            }
            return Existing(entry);
        }
    }

    private static void Install()
    {
        var script = Path.Combine(Corpora.RepositoryRoot, "scripts", "install-test-deps.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 5 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {output.Result} {error.Result}");
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution (and run scripts/install-test-deps.sh)", path);
}
