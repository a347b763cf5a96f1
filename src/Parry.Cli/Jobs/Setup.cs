using Parry.Detection.Rules;
using Parry.Ingest.Evtx;
using Parry.Ingest.Formats;
using Parry.Ingest.Traces;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;

namespace Parry.Cli.Jobs;

/// <summary>The loading steps commands share, each reporting a failure on stderr with where it is.</summary>
internal static class Setup
{
    public static bool TryLoadRules(IReadOnlyList<string> paths, bool defaultPack, string? placeholderFile, out SigmaLoadResult rules)
    {
        rules = null!;
        foreach (var path in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            Console.Error.WriteLine($"parry: --rules {path}: no such file or directory");
            return false;
        }
        if (!TryLoadPlaceholders(placeholderFile, out var placeholders))
            return false;
        rules = RuleSetLoader.Load(paths, defaultPack, new SigmaLoadOptions { Placeholders = placeholders });
        if (rules.Rejected.Count > 0)
            Console.Error.WriteLine($"parry: {rules.Rejected.Count} rules rejected ({string.Join(", ", rules.RejectedByReason().Select(r => $"{r.Key}: {r.Value}"))}); 'parry rules check' lists them");
        return true;
    }

    public static bool TryLoadPlaceholders(string? file, out PlaceholderTable table)
    {
        table = PlaceholderTable.Empty;
        if (file is null)
            return true;
        try
        {
            table = PlaceholderTable.LoadFile(file);
            return true;
        }
        catch (Exception e) when (e is PlaceholderTableException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parry: --placeholders {file}: {e.Message}");
            return false;
        }
    }

    public static bool TryLoadMap(IReadOnlyList<string> files, out LogSourceMap map)
    {
        map = null!;
        try
        {
            map = LogSourceMap.Load(files);
            return true;
        }
        catch (LogSourceMapException e)
        {
            Console.Error.WriteLine($"parry: {e.Message}");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parry: --logsources: {e.Message}");
            return false;
        }
    }

    public static bool TryGetFormats(string? forcedName, out FormatDetector detector, out IInputFormat? forced)
    {
        // EVTX by its magic number; agent traces before the generic JSON they are written in.
        detector = new FormatDetector([new EvtxFormat(), .. TraceFormats.All(), .. BuiltInFormats.Create(TimeProvider.System)]);
        forced = null;
        if (forcedName is null)
            return true;
        forced = detector.Find(forcedName);
        if (forced is not null)
            return true;
        Console.Error.WriteLine($"parry: --input-format {forcedName}: unknown format (known: {string.Join(", ", detector.Formats.Select(f => f.Name))})");
        return false;
    }
}
