using Parry.Core.Events;
using Parry.Detection.Hunting;
using Parry.Ingest;
using Parry.Ingest.Sources;
using Parry.Output;
using Parry.Output.Json;

namespace Parry.Cli.Jobs;

/// <summary><c>parry decode</c>: every record of every input as one JSON line; errors on stderr as they occur,
/// and the run goes on.</summary>
internal static class DecodeJob
{
    public static int Run(IReadOnlyList<string> paths, string? outputFile, string? inputFormat, bool verifyChecksums, int threads)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
            Console.Error.WriteLine($"parry: {path}: no such file or directory");
        if (missing.Count == paths.Count)
            return CommandRunner.Failed;
        if (!Setup.TryGetFormats(inputFormat, out var detector, out var forced))
            return CommandRunner.Failed;

        var errors = new ErrorCollector(0, e => Console.Error.WriteLine($"parry: {e}"));
        var context = new DecodeContext(FieldTable.Empty, errors) { VerifyChecksums = verifyChecksums, MaxDegreeOfParallelism = threads };
        using var output = outputFile is null ? Console.OpenStandardOutput() : OutputFile.Create(outputFile);
        using var lines = new JsonLinesWriter(output);
        foreach (var source in InputDiscovery.Discover(paths.Except(missing), errors, RunOutputs.Of(outputFile)))
        {
            foreach (var e in detector.Read(source, context, forced))
                lines.WriteLine(e, static (w, ev) => ev.WriteJson(w));
        }
        lines.Flush();
        return missing.Count > 0 ? CommandRunner.Failed : CommandRunner.Done;
    }
}
