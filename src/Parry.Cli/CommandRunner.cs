using System.CommandLine;

namespace Parry.Cli;

/// <summary>
/// Parses and runs a command with CONTRACT.md's exit codes: 2 for a usage error (with the parser's message on
/// stderr), otherwise what the command returns (0 done, 1 could not).
/// </summary>
internal static class CommandRunner
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"parry: {error.Message}");
            Console.Error.WriteLine("Try 'parry --help'.");
            return Usage;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await parse.InvokeAsync(new InvocationConfiguration(), cancel.Token).ConfigureAwait(false);
    }
}
