using System.CommandLine;
using Parry.Core.Detections;

namespace Parry.Cli.Commands;

/// <summary>Options several commands share, parsed the same way everywhere.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths(string description) => new("PATH")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write results to FILE instead of stdout.",
        HelpName = "FILE",
    };

    public static Option<string?> InputFormat() => new("--input-format")
    {
        Description = "Decode every input with this format instead of detecting it (evtx, json, syslog, webserver, …).",
        HelpName = "NAME",
    };

    public static Option<bool> NoVerifyChecksums() => new("--no-verify-checksums")
    {
        Description = "EVTX: read past bad header, chunk and record checksums instead of skipping what they guard.",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Worker threads (default: one per core).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be at least 1."); } },
    };

    public static Option<Level> MinLevel() => new("--min-level")
    {
        Description = "Report detections at this level or above: informational, low, medium, high, critical.",
        HelpName = "LEVEL",
        DefaultValueFactory = _ => Level.Informational,
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (LevelNames.TryParse(text, out var level))
                return level;
            r.AddError($"'{text}' is not a level (informational, low, medium, high, critical).");
            return Level.Informational;
        },
    };

    public static Option<string?> Placeholders() => new("--placeholders")
    {
        Description = "YAML file of placeholder values for rules using |expand (e.g. Admins: [alice, bob]).",
        HelpName = "FILE",
    };
}
