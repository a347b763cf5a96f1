using System.CommandLine;
using Parry.Cli.Jobs;

namespace Parry.Cli.Commands;

/// <summary><c>parry decode PATH... [--format jsonl]</c> (CONTRACT.md).</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths("Files and folders to decode (folders recursively).");
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one JSON object per record, the way the engine sees it.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl");
        var output = CommonOptions.Output();
        var inputFormat = CommonOptions.InputFormat();
        var noVerify = CommonOptions.NoVerifyChecksums();
        var threads = CommonOptions.Threads();
        var command = new Command("decode", "Print every decoded record as JSON, one per line.")
        {
            paths, format, output, inputFormat, noVerify, threads,
        };
        command.SetAction(parse => DecodeJob.Run(
            parse.GetRequiredValue(paths), parse.GetValue(output), parse.GetValue(inputFormat),
            !parse.GetValue(noVerify), parse.GetValue(threads)));
        return command;
    }
}
