using Parry.Agents.Analysis;

namespace Parry.Agents.Recognisers;

/// <summary>Recognises files whose reading or writing means credential access, discovery or persistence.</summary>
internal static class SensitivePathMatcher
{
    /// <summary>Checks one path (or a word that may be one). Returns whether it matched an entry.</summary>
    public static bool Check(string path, bool write, string evidence, AnalysisCollector collector)
    {
        var catalogue = collector.Catalogue;
        if (!MayMatch(path, catalogue))
            return false;
        var normalised = path.Replace('\\', '/').ToLowerInvariant();
        if (normalised.AsSpan().IndexOfAny(catalogue.SensitiveFragments) < 0)
            return false;
        var slash = normalised.LastIndexOf('/');
        var name = slash >= 0 ? normalised[(slash + 1)..] : normalised;
        var matched = false;
        foreach (var entry in catalogue.SensitivePaths)
        {
            if (entry.Exclude.Any(e => normalised.EndsWith(e, StringComparison.Ordinal)))
                continue;
            var hit = entry.Contains.Any(c => normalised.Contains(c, StringComparison.Ordinal))
                || entry.Names.Any(n => name == n || (n[0] == '.' && name.EndsWith(n, StringComparison.Ordinal) && name.Length > n.Length));
            if (!hit)
                continue;
            var recognition = write ? entry.Write : entry.Read;
            if (recognition is null)
                continue;
            collector.AddFinding(recognition, evidence);
            collector.AddSensitivePath(entry.Id, path);
            matched = true;
        }
        return matched;
    }

    /// <summary>The cheap tests <see cref="Check"/> starts with: false when no entry can match the path. Lets a
    /// caller whose evidence costs a string to make (a whole command line) make it only for a path that may match.</summary>
    public static bool MayMatch(string path, Catalogue.ToolCatalogue catalogue) =>
        path.Length is >= 3 and <= 4096 && path.AsSpan().IndexOfAny(catalogue.SensitiveFragmentsAnyCase) >= 0;
}
