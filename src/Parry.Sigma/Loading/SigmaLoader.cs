using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>
/// Loads Sigma rules, correlations and meta filters from files, folders and text. Every document either loads
/// completely or is rejected with its file, line, column and reason; nothing is skipped silently. Correlation and
/// filter references resolve across everything loaded in the same call.
/// </summary>
public static class SigmaLoader
{
    /// <summary>The folder SigmaHQ keeps regression-test data in (<c>info.yml</c> files and logs): a folder walk
    /// leaves it out, since nothing in it is a rule.</summary>
    public const string RegressionDataFolder = "regression_data";

    /// <summary>Loads files and folders (recursively, <c>*.yml</c> and <c>*.yaml</c>, in ordinal path order; see
    /// <see cref="RuleFilesIn"/>).</summary>
    public static SigmaLoadResult LoadPaths(IEnumerable<string> paths, SigmaLoadOptions? options = null)
    {
        var sources = new List<SigmaSource>();
        var missing = new List<RuleRejection>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                sources.AddRange(RuleFilesIn(path).Select(FileSource));
            }
            else if (File.Exists(path))
            {
                sources.Add(FileSource(path));
            }
            else
            {
                missing.Add(new RuleRejection(path, 1, 1, "no such file or folder", RejectionCategories.FileUnreadable));
            }
        }
        return Load(sources, options, missing);
    }

    /// <summary>The rule files of a folder: <c>*.yml</c> and <c>*.yaml</c> at any depth, in ordinal path order,
    /// except under a <see cref="RegressionDataFolder"/> folder.</summary>
    public static IEnumerable<string> RuleFilesIn(string folder)
    {
        var skipped = Path.DirectorySeparatorChar + RegressionDataFolder + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(folder, f).Insert(0, Path.DirectorySeparatorChar.ToString()).Contains(skipped, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Loads rules from text (such as Parry's embedded rule pack); <paramref name="displayPath"/> names it
    /// in rejections.</summary>
    public static SigmaLoadResult LoadText(string yaml, string displayPath, SigmaLoadOptions? options = null) =>
        Load([SigmaSource.FromText(yaml, displayPath)], options);

    /// <summary>Loads any mix of sources in one set, so references between them resolve.</summary>
    public static SigmaLoadResult Load(IEnumerable<SigmaSource> sources, SigmaLoadOptions? options = null) =>
        Load(sources, options, []);

    private static SigmaLoadResult Load(IEnumerable<SigmaSource> sources, SigmaLoadOptions? options, List<RuleRejection> initial)
    {
        options ??= SigmaLoadOptions.Default;
        var session = new LoadSession();
        session.Rejected.AddRange(initial);
        // Files parse in parallel; their documents register in load order, so duplicates resolve the same way.
        var parsed = sources.AsParallel().AsOrdered().WithDegreeOfParallelism(options.MaxDegreeOfParallelism)
            .Select(source => SourceParser.Parse(source, options));
        foreach (var outcomes in parsed)
            session.Add(outcomes);

        var resolver = new CorrelationResolver(session);
        resolver.Resolve();
        var rules = new List<SigmaRule>(session.Rules.Count);
        var uses = resolver.RuleUses();
        for (var i = 0; i < session.Rules.Count; i++)
        {
            var (referenced, generated) = uses[i];
            rules.Add(referenced && !generated ? session.Rules[i].WithGenerates(false) : session.Rules[i]);
        }
        var warnings = new List<LoadWarning>();
        rules = FilterApplier.Apply(rules, session.Filters, warnings);
        var correlations = resolver.Build(rules);

        var excluded = new List<SigmaRule>();
        if (options.Statuses is { } statuses)
        {
            var needed = correlations.Where(c => Keeps(statuses, c.Info.Status))
                .SelectMany(Members).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var kept = new List<SigmaRule>(rules.Count);
            foreach (var rule in rules)
            {
                if (Keeps(statuses, rule.Info.Status))
                    kept.Add(rule);
                else if (needed.Contains(rule.Id))
                    kept.Add(rule.WithGenerates(false));
                else
                    excluded.Add(rule);
            }
            rules = kept;
            correlations = [.. correlations.Where(c => Keeps(statuses, c.Info.Status))];
        }
        return new SigmaLoadResult(rules, correlations, session.Filters, session.Rejected, warnings, excluded, session.Files);
    }

    private static bool Keeps(IReadOnlySet<string> statuses, string? status) => statuses.Contains(status ?? "experimental");

    private static IEnumerable<SigmaRule> Members(Correlations.SigmaCorrelation correlation) =>
        correlation.Rules.SelectMany(m => m.Rule is { } rule ? [rule] : Members(m.Correlation!));

    private static SigmaSource FileSource(string path) =>
        new(path, () => RuleFileText.Read(path)) { Size = new FileInfo(path).Length };
}
