namespace Parry.Ingest.LogSources;

/// <summary>A mapping file that cannot be used, with where and why. Configuration errors stop the run before it
/// starts.</summary>
public sealed class LogSourceMapException(string file, int line, string reason)
    : Exception($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
