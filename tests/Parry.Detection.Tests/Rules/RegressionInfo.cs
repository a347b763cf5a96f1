using YamlDotNet.RepresentationModel;

namespace Parry.Detection.Tests.Rules;

/// <summary>
/// A rule file's regression data index, in SigmaHQ's <c>info.yml</c> shape: <c>rule_metadata</c> (the rules the
/// tests are about: id and title) and <c>regression_tests_info</c> (each test's name, type <c>positive</c> or
/// <c>negative</c>, data path relative to <c>rules/</c>, and for positives the <c>match_count</c>). A test concerns
/// the rule named by its optional <c>rule_id</c>, else the first rule of <c>rule_metadata</c>.
/// </summary>
internal sealed record RegressionInfo(IReadOnlyList<RegressionInfo.RuleEntry> Rules, IReadOnlyList<RegressionInfo.Test> Tests)
{
    public sealed record RuleEntry(string Id, string Title);

    public sealed record Test(string Name, string Type, string Path, string RuleId, int? MatchCount);

    public static RegressionInfo Load(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{file}:{e.Start.Line}: {e.Message}", e);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{file}: expected one YAML mapping");
        var rules = Sequence(root, "rule_metadata")
            .Select(n => new RuleEntry(Required(n, "id", file), Required(n, "title", file)))
            .ToList();
        if (rules.Count == 0)
            throw new InvalidDataException($"{file}: rule_metadata is empty");
        var tests = Sequence(root, "regression_tests_info")
            .Select(n => new Test(
                Required(n, "name", file),
                Required(n, "type", file),
                Required(n, "path", file),
                Optional(n, "rule_id") ?? rules[0].Id,
                Optional(n, "match_count") is { } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();
        return new RegressionInfo(rules, tests);
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static string? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static string Required(YamlMappingNode map, string key, string file) =>
        Optional(map, key) ?? throw new InvalidDataException($"{file}:{map.Start.Line}: '{key}' is missing");
}
