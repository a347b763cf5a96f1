using System.CommandLine;
using Parry.Cli.Jobs;

namespace Parry.Cli.Commands;

/// <summary><c>parry hunt PATH... [options]</c> (CONTRACT.md).</summary>
internal static class HuntCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths("Files and folders to hunt (folders recursively; format detected from content).");
        var rules = new Option<string[]>("--rules")
        {
            Description = "Rule file or folder (recursive); repeatable; added to Parry's own rule pack.",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = false,
        };
        var noDefault = new Option<bool>("--no-default-rules") { Description = "Do not load Parry's own rule pack." };
        var format = new Option<string?>("--format")
        {
            Description = "table (default on a terminal), jsonl (default otherwise), csv (one row per detection: a timeline).",
            HelpName = "table|jsonl|csv",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var output = CommonOptions.Output();
        var minLevel = CommonOptions.MinLevel();
        var placeholders = CommonOptions.Placeholders();
        var mappings = new Option<string[]>("--logsources")
        {
            Description = "Extra log-source mapping file (YAML, see docs); repeatable; added after Parry's own.",
            HelpName = "FILE",
        };
        var inputFormat = CommonOptions.InputFormat();
        var noVerify = CommonOptions.NoVerifyChecksums();
        var threads = CommonOptions.Threads();

        var command = new Command("hunt", "Hunt files and folders with Sigma rules; report detections and campaigns.")
        {
            paths, rules, noDefault, format, output, minLevel, placeholders, mappings, inputFormat, noVerify, threads,
        };
        command.SetAction((parse, cancel) => new HuntJob(new HuntJobOptions
        {
            Paths = parse.GetRequiredValue(paths),
            Rules = parse.GetValue(rules) ?? [],
            DefaultRules = !parse.GetValue(noDefault),
            Format = parse.GetValue(format),
            Output = parse.GetValue(output),
            MinLevel = parse.GetValue(minLevel),
            Placeholders = parse.GetValue(placeholders),
            LogSourceFiles = parse.GetValue(mappings) ?? [],
            InputFormat = parse.GetValue(inputFormat),
            VerifyChecksums = !parse.GetValue(noVerify),
            Threads = parse.GetValue(threads),
        }).RunAsync(cancel));
        return command;
    }
}
