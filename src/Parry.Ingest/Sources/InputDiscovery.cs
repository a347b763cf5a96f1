using Parry.Core.Diagnostics;

namespace Parry.Ingest.Sources;

/// <summary>
/// Turns the paths given on the command line into the files to decode. Files are taken as given; folders are walked
/// recursively in ordinal order of names, so every run sees the same files in the same order. Whatever cannot be
/// read (a missing path, an unreadable folder, a FIFO, a symbolic-link loop) is reported with its path and the walk
/// goes on. A folder walk leaves out Markdown files (a log folder's README, a case's notes): they are documentation,
/// never logs; named on the command line they are read like any file. Gzip is recognised by content and opened
/// decompressed. The run's own output files (<see cref="RunOutputs"/>) are never read: <c>parry decode logs/ &gt;
/// logs/all.jsonl</c> would otherwise read the file it is writing, grow it as fast as it reads it, and never end.
/// </summary>
public static class InputDiscovery
{
    public static IEnumerable<InputSource> Discover(IEnumerable<string> paths, IInputErrorSink errors) =>
        Discover(paths, errors, RunOutputs.None);

    /// <summary>As <see cref="Discover(IEnumerable{string}, IInputErrorSink)"/>, leaving out (and reporting) the files
    /// <paramref name="outputs"/> holds, found directly or in a folder.</summary>
    public static IEnumerable<InputSource> Discover(IEnumerable<string> paths, IInputErrorSink errors, RunOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(outputs);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var source in Walk(path, visited, outputs, errors))
                    yield return source;
            }
            else if (File.Exists(path))
            {
                // A file named on the command line is read whatever its kind (the user asked for it), unless it is
                // what this run writes.
                if (outputs.Holds(path, null))
                    errors.Report(new InputError(path, null, RunOutputs.SkippedMessage));
                else if (TryCreate(path, path, errors) is { } source)
                    yield return source;
            }
            else
            {
                errors.Report(new InputError(path, null, "no such file or directory"));
            }
        }
    }

    private sealed class Frame(string path, string display, string real, FileSystemInfo[] entries)
    {
        public string Path { get; } = path;
        public string Display { get; } = display;
        public string Real { get; } = real;
        public FileSystemInfo[] Entries { get; } = entries;
        public int Next { get; set; }
    }

    private static IEnumerable<InputSource> Walk(string root, HashSet<string> visited, RunOutputs outputs, IInputErrorSink errors)
    {
        var real = RealPath.TryOf(root);
        if (real is null)
        {
            errors.Report(new InputError(root, null, "cannot resolve the folder's symbolic links"));
            yield break;
        }
        if (!visited.Add(real))
        {
            errors.Report(new InputError(root, null, $"folder '{real}' was already read through another path; not read again"));
            yield break;
        }
        var stack = new List<Frame>();
        if (List(root, root, real, errors) is { } first)
            stack.Add(first);
        while (stack.Count > 0)
        {
            var frame = stack[^1];
            if (frame.Next >= frame.Entries.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            var entry = frame.Entries[frame.Next++];
            var path = Path.Join(frame.Path, entry.Name);
            var display = Path.Join(frame.Display, entry.Name);
            if (Directory.Exists(path))
            {
                var childReal = entry.LinkTarget is null ? Path.Join(frame.Real, entry.Name) : RealPath.TryOf(path);
                if (childReal is null)
                {
                    errors.Report(new InputError(display, null, "symbolic link cannot be resolved (a loop?); not followed"));
                }
                else if (stack.Exists(f => f.Real == childReal))
                {
                    errors.Report(new InputError(display, null, $"symbolic link loop back to '{childReal}'; not followed"));
                }
                else if (!visited.Add(childReal))
                {
                    errors.Report(new InputError(display, null, $"folder '{childReal}' was already read through another path; not read again"));
                }
                else if (List(path, display, childReal, errors) is { } child)
                {
                    stack.Add(child);
                }
            }
            else if (IsDocumentation(entry.Name))
            {
                continue;
            }
            else if (!UnixFileKind.IsRegularOrDirectory(path))
            {
                errors.Report(new InputError(display, null, "not a regular file (FIFO, socket or device); skipped"));
            }
            else if (!outputs.IsEmpty && outputs.Holds(path, entry.LinkTarget is null ? Path.Join(frame.Real, entry.Name) : null))
            {
                errors.Report(new InputError(display, null, RunOutputs.SkippedMessage));
            }
            else if (TryCreate(path, display, errors) is { } source)
            {
                yield return source;
            }
        }
    }

    private static bool IsDocumentation(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static Frame? List(string path, string display, string real, IInputErrorSink errors)
    {
        try
        {
            var entries = new DirectoryInfo(path).GetFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = 0,
                ReturnSpecialDirectories = false,
                MatchType = MatchType.Simple,
            });
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return new Frame(path, display, real, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Report(new InputError(display, null, $"cannot list folder: {e.Message}"));
            return null;
        }
    }

    private static InputSource? TryCreate(string path, string display, IInputErrorSink errors)
    {
        try
        {
            var compressed = GzipContent.IsGzipFile(path);
            var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            return new InputSource(display, () => GzipContent.Open(path, compressed))
            {
                Compressed = compressed,
                LastModified = modified,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Report(new InputError(display, null, $"cannot open: {e.Message}"));
            return null;
        }
    }
}
