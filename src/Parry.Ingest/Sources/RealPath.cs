namespace Parry.Ingest.Sources;

/// <summary>The path of a file or folder with every symbolic link along it resolved, so a walk can tell when a link
/// leads back to a folder it is already in.</summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or null when a link is broken, links nest deeper than a loop allows, or the path
    /// cannot be inspected (too long, no permission).</summary>
    public static string? TryOf(string path)
    {
        try
        {
            return Resolve(Path.GetFullPath(path), MaxLinks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Resolve(string full, int budget)
    {
        if (budget <= 0)
            return null;
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is null)
            {
                current = next;
                continue;
            }
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                return null; // too many levels of links: a loop
            }
            if (target is null)
                return null;
            var resolved = Resolve(Path.GetFullPath(target.FullName), budget - 1);
            if (resolved is null)
                return null;
            current = resolved;
        }
        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }
}
