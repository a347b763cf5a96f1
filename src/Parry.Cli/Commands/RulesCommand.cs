using System.CommandLine;
using Parry.Cli.Jobs;

namespace Parry.Cli.Commands;

/// <summary><c>parry rules check PATH... [--format text|json]</c> (CONTRACT.md).</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths("Rule files and folders (recursive).");
        var format = new Option<string>("--format")
        {
            Description = "text (default) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var placeholders = CommonOptions.Placeholders();
        var check = new Command("check", "Load and compile rules without hunting; list every rejection with its reason.")
        {
            paths, format, placeholders,
        };
        check.SetAction(parse => RulesCheckJob.Run(parse.GetRequiredValue(paths), parse.GetValue(format) ?? "text", parse.GetValue(placeholders), Console.Out));
        return new Command("rules", "Work with Sigma rules.") { check };
    }
}
