using System.CommandLine;
using Parry.Cli.Commands;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Parry: detects and stops autonomous, AI-driven cyberattacks");
        root.Subcommands.Add(GatewayCommand.Create());
        root.Subcommands.Add(ApprovalsCommand.Create());
        return root.Parse(args).Invoke();
    }
}
