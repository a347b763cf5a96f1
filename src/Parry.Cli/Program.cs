using System.CommandLine;
using Parry.Cli.Commands;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Parry: detects and stops autonomous, AI-driven cyberattacks");
        root.Subcommands.Add(GatewayCommand.Create());
        root.Subcommands.Add(ApprovalsCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // CONTRACT.md: usage errors exit 2.
            parsed.Invoke();
            return 2;
        }
        return parsed.Invoke();
    }
}
