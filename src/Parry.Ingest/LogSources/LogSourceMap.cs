using System.Reflection;

namespace Parry.Ingest.LogSources;

/// <summary>
/// The mapping from Sigma log sources to events: every entry of the shipped data files (embedded from
/// <c>LogSources/Data/*.yml</c>) and of any files a user adds. Immutable.
/// </summary>
public sealed class LogSourceMap
{
    private const string ResourcePrefix = "Parry.Ingest.LogSources.Data.";

    public LogSourceMap(IReadOnlyList<LogSourceEntry> entries)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!names.Add(entry.Name))
                throw new LogSourceMapException(entry.File, entry.Line, $"a source named '{entry.Name}' is already defined");
        }
        Entries = entries;
    }

    public IReadOnlyList<LogSourceEntry> Entries { get; }

    /// <summary>The shipped mapping, plus <paramref name="extraFiles"/> (read from disk) after it.</summary>
    public static LogSourceMap Load(IEnumerable<string>? extraFiles = null)
    {
        var entries = new List<LogSourceEntry>();
        var assembly = typeof(LogSourceMap).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            entries.AddRange(LogSourceMapLoader.Parse(ReadResource(assembly, resource), "logsources/" + resource[ResourcePrefix.Length..]));
        foreach (var file in extraFiles ?? [])
            entries.AddRange(LogSourceMapLoader.Parse(File.ReadAllText(file), file));
        return new LogSourceMap(entries);
    }

    /// <summary>Parses mapping text; for tests and for callers that hold the text already.</summary>
    public static LogSourceMap FromText(params (string File, string Text)[] files) =>
        new(files.SelectMany(f => LogSourceMapLoader.Parse(f.Text, f.File)).ToList());

    /// <summary>Indices of the entries whose events a rule with <paramref name="ruleSource"/> may run on.</summary>
    public IReadOnlyList<int> EntriesServing(LogSourceKey ruleSource)
    {
        var result = new List<int>();
        for (var i = 0; i < Entries.Count; i++)
        {
            if (ruleSource.IsServedBy(Entries[i].LogSource))
                result.Add(i);
        }
        return result;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
