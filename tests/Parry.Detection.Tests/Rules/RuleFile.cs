using YamlDotNet.RepresentationModel;

namespace Parry.Detection.Tests.Rules;

/// <summary>One YAML file of the pack as written on disk: each document's id, title and
/// <c>regression_tests_path</c>, read with a plain YAML parser (independently of the Sigma loader).</summary>
internal sealed record RuleFile(string RelativePath, IReadOnlyList<RuleFile.Document> Documents)
{
    public sealed record Document(string? Id, string? Title, string? RegressionTestsPath, int Line);

    public string Stem => Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>The area folder under <c>rules/</c> (<c>web</c>, <c>windows</c>, <c>mcp</c> …).</summary>
    public string Area => RelativePath.Split('/')[0];

    /// <summary>The path SigmaHQ's convention gives this file's regression data.</summary>
    public string ExpectedRegressionPath => $"regression_data/{Area}/{Stem}/info.yml";

    public static IReadOnlyList<RuleFile> Discover(string rulesRoot)
    {
        var regression = Path.Combine(rulesRoot, "regression_data") + Path.DirectorySeparatorChar;
        return [.. Directory.EnumerateFiles(rulesRoot, "*.yml", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(regression, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Read(f, Path.GetRelativePath(rulesRoot, f).Replace('\\', '/')))];
    }

    private static RuleFile Read(string path, string relative)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        var documents = new List<Document>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode map)
                continue;
            documents.Add(new Document(Scalar(map, "id"), Scalar(map, "title"), Scalar(map, "regression_tests_path"),
                (int)map.Start.Line));
        }
        return new RuleFile(relative, documents);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
