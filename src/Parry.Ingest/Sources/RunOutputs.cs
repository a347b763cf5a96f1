namespace Parry.Ingest.Sources;

/// <summary>
/// The files a run writes (its <c>-o</c> file, and standard output and error when they are redirected to files), by
/// their real paths, so that input discovery can leave them out. Without this, <c>parry decode logs/ &gt;
/// logs/all.jsonl</c> reads the file it is appending to, and every record it reads is written again: the run never
/// ends and fills the disk. grep refuses the same way ("input file is also the output").
/// </summary>
/// <remarks>Files are compared by path with every symbolic link resolved; a hard link to an output under another name
/// is not recognised. Standard output and error are found through <c>/proc/self/fd</c> (Linux); elsewhere only the
/// <c>-o</c> file is known.</remarks>
public sealed class RunOutputs
{
    internal const string SkippedMessage = "this run's own output (-o, or standard output or error redirected to it); not read";

    private readonly HashSet<string> _real;

    private RunOutputs(IEnumerable<string> real) => _real = new HashSet<string>(real, StringComparer.Ordinal);

    /// <summary>No output files known.</summary>
    public static RunOutputs None { get; } = new([]);

    /// <summary>The output file given with <c>-o</c> (null: none), plus standard output and error when this process
    /// writes them to regular files.</summary>
    public static RunOutputs Of(string? outputFile)
    {
        var real = new List<string>();
        if (outputFile is not null && RealPath.TryOf(outputFile) is { } output)
            real.Add(output);
        foreach (var descriptor in (int[])[1, 2])
        {
            if (StandardStreamFile(descriptor) is { } file && RealPath.TryOf(file) is { } stream)
                real.Add(stream);
        }
        return new RunOutputs(real);
    }

    /// <summary>The real paths held (for tests and messages).</summary>
    public IReadOnlyCollection<string> Files => _real;

    /// <summary>No output file is known: a walk need not resolve its files' paths (a link read per file) to compare.</summary>
    public bool IsEmpty => _real.Count == 0;

    /// <summary>Whether <paramref name="path"/> is one of the outputs; <paramref name="real"/> is its real path when
    /// the caller knows it already (a folder walk does, for entries that are not links).</summary>
    internal bool Holds(string path, string? real) =>
        !IsEmpty && (real ?? RealPath.TryOf(path)) is { } resolved && _real.Contains(resolved);

    // The file behind a standard stream: /proc/self/fd/N links to it when it is a file, and to "pipe:[…]" or
    // "socket:[…]" when it is not; a device (a terminal, /dev/null) is no file the walk would read.
    private static string? StandardStreamFile(int descriptor)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var target = new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
            return target is not null && Path.IsPathRooted(target) && !target.StartsWith("/dev/", StringComparison.Ordinal)
                && File.Exists(target) && UnixFileKind.IsRegularOrDirectory(target)
                ? target
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
