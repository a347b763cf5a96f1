using System.Text;
using Parry.Detection.Hunting;
using Parry.Detection.Reporting;
using Parry.Detection.Rules;
using Parry.Ingest;
using Parry.Ingest.Formats;
using Parry.Ingest.LogSources;
using Parry.Ingest.Sources;
using Parry.Output;
using Parry.Output.Csv;
using Parry.Output.Json;
using Parry.Output.Table;
using Parry.Sigma.Loading;
using Spectre.Console;

namespace Parry.Cli.Jobs;

/// <summary>
/// Wires <c>parry hunt</c>: loads rules and mappings, compiles the matcher, discovers inputs, picks the sink and
/// runs the pipeline. Everything it decides is in the libraries; this only connects them to the console.
/// </summary>
internal sealed class HuntJob(HuntJobOptions options)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var missing = options.Paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
            Console.Error.WriteLine($"parry: {path}: no such file or directory");
        if (missing.Count == options.Paths.Count)
            return CommandRunner.Failed;

        if (!Setup.TryLoadRules(options.Rules, options.DefaultRules, options.Placeholders, out var rules))
            return CommandRunner.Failed;
        if (!Setup.TryLoadMap(options.LogSourceFiles, out var map))
            return CommandRunner.Failed;
        if (!Setup.TryGetFormats(options.InputFormat, out var detector, out var forced))
            return CommandRunner.Failed;

        var (matcher, correlations) = CompiledRuleSet.Compile(rules, map);
        // Loading all SigmaHQ rules allocates ~400 MB of YAML and parse objects that are garbage once the rules are
        // compiled, but the GC would keep that heap committed for the whole hunt. One compacting collection here,
        // before the first event, hands it back to the OS.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // With stderr redirected (a file or a pipe: no status line to keep in step with), the input errors go through
        // one buffered writer: Console.Error flushes every line, and the 1 GB EVTX hunt of all SigmaHQ rules reports
        // ~9,100 correlation lateness notes, each its own write system call. Same bytes, same order; flushed at the end.
        await using var bufferedErrors = Console.IsErrorRedirected
            ? new StreamWriter(Console.OpenStandardError(), Console.Error.Encoding, 64 * 1024) { AutoFlush = false }
            : null;
        var stderr = bufferedErrors is null ? Console.Error : TextWriter.Synchronized(bufferedErrors);
        var errors = new ErrorCollector(1000, e => stderr.WriteLine($"parry: {e}"));
        var sources = InputDiscovery.Discover(options.Paths.Except(missing), errors, RunOutputs.Of(options.Output)).ToList();

        var format = options.Format ?? (options.Output is null && !Console.IsOutputRedirected ? "table" : "jsonl");
        // Unbuffered here: each sink buffers its own writes (JsonLinesWriter in 64 KiB blocks, the text writer below).
        await using Stream output = options.Output is null ? Console.OpenStandardOutput() : OutputFile.Create(options.Output);
        var toTerminal = options.Output is null && !Console.IsOutputRedirected;
        var status = !Console.IsErrorRedirected ? new StatusLine(Console.Error, TimeProvider.System) : null;
        using var text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        IHuntSink sink;
        JsonlHuntSink? jsonl = null;
        switch (format)
        {
            case "csv":
                sink = new CsvHuntSink(text);
                break;
            case "table":
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = toTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                    ColorSystem = toTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                    Out = new AnsiConsoleOutput(text),
                });
                sink = new TableHuntSink(console, toTerminal ? status : null);
                break;
            default:
                sink = jsonl = new JsonlHuntSink(output);
                break;
        }

        var run = new HuntRun(matcher, correlations, detector.Reader(forced),
            new HuntOptions { MaxDegreeOfParallelism = options.Threads, MinLevel = options.MinLevel }, TimeProvider.System);
        HuntSummary summary;
        try
        {
            summary = await run.RunAsync(sources, sink, errors, status, rules.Loaded, rules.Rejected.Count, cancellation).ConfigureAwait(false);
        }
        finally
        {
            status?.Clear();
            text.Flush();
            jsonl?.Dispose();
        }
        if (format != "table" || !toTerminal)
        {
            stderr.WriteLine(
                $"parry: {summary.Detections} detections, {summary.Campaigns} campaigns in {summary.Events} events from " +
                $"{summary.Files} files ({summary.ErrorCount} errors, {summary.ElapsedMs} ms)");
        }
        return missing.Count > 0 ? CommandRunner.Failed : CommandRunner.Done;
    }
}
