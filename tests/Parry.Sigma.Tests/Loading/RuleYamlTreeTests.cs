using System.Text;
using Parry.Sigma.Loading;
using Parry.TestSupport;
using YamlDotNet.RepresentationModel;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Loading;

/// <summary>The node tree the block reader builds is the one copied from YamlDotNet's representation model (values,
/// styles, locations, shapes), and what it does not take goes to YamlDotNet with YamlDotNet's errors.</summary>
public class RuleYamlTreeTests
{
    [Fact]
    public void Every_sigmahq_rule_file_it_reads_gives_the_tree_copied_from_yamldotnet()
    {
        var files = Directory.GetDirectories(Corpora.Sigma, "rules*").SelectMany(SigmaLoader.RuleFilesIn).ToList();
        var read = 0;
        foreach (var file in files)
        {
            var text = RuleFileText.Read(file);
            var tree = new RuleYamlTreeTarget();
            if (!BlockYamlReader.TryRead(text, tree))
                continue;
            read++;
            tree.Roots.Select(Describe).ShouldBe(FromYamlDotNet(text).Select(Describe), file);
        }
        (read / (double)files.Count).ShouldBeGreaterThan(0.9, $"{read} of {files.Count} read");
    }

    [Theory]
    [InlineData("a: x\nb:\n  - 'q'\n  - c: \"d\"\n    e: |\n      one\n      two\nf: 1\n")]
    [InlineData("sel:\n    - A|contains: 1\n      B: x\n    - C: y\ncondition: sel\n")]
    [InlineData("a: >-\n  one\n  two\nb:\n  - x\n---\n# next\nc: |\n  d\n---\ne: f\n")]
    public void Reads_block_yaml_into_the_tree_yamldotnet_gives(string text)
    {
        var tree = new RuleYamlTreeTarget();
        BlockYamlReader.TryRead(text, tree).ShouldBeTrue();
        tree.Roots.Select(Describe).ShouldBe(FromYamlDotNet(text).Select(Describe));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\n  b: 1\n  c: 2\n  b: 3\n")]
    [InlineData("a:\n  - k0: 0\n    k1: 1\n    k2: 2\n    k3: 3\n    k4: 4\n    k5: 5\n    k6: 6\n    k7: 7\n    k8: 8\n    k9: 9\n    k10: 10\n    k11: 11\n    k12: 12\n    k13: 13\n    k14: 14\n    k15: 15\n    k16: 16\n    k3: 3\n")]
    public void A_key_written_twice_is_left_to_yamldotnet(string text)
    {
        BlockYamlReader.TryRead(text).ShouldNotBeNull(); // the reader reads it…
        BlockYamlReader.TryRead(text, new RuleYamlTreeTarget()).ShouldBeFalse(); // …but the tree is not taken
    }

    [Fact]
    public void A_key_written_twice_is_rejected_where_yamldotnet_says()
    {
        var rejection = Load("title: t\nlogsource:\n  product: x\n  product: y\ndetection:\n  sel:\n    a: 1\n  condition: sel\n").Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(RejectionCategories.YamlSyntax);
        (rejection.Line, rejection.Column).ShouldBe((4, 3));
        rejection.Reason.ShouldBe("not valid YAML: Duplicate key product");
    }

    [Fact]
    public void A_node_that_holds_itself_is_copied_once_and_refused_as_too_deep()
    {
        // YamlDotNet registers an anchor before reading its node, so the list below holds itself.
        var rejection = Load("title: t\nlogsource: {product: x}\ndetection:\n  sel: &a [[*a]]\n  condition: sel\n").Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(RejectionCategories.InvalidDetection);
        rejection.Line.ShouldBe(4);
    }

    private static List<RuleYamlNode> FromYamlDotNet(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => RuleYamlTree.From(d.RootNode))];
    }

    private static string Describe(RuleYamlNode node)
    {
        var text = new StringBuilder();
        Describe(node, text);
        return text.ToString();
    }

    private static void Describe(RuleYamlNode node, StringBuilder text)
    {
        text.Append(node.Start).Append(' ');
        switch (node)
        {
            case RuleYamlScalar scalar:
                text.Append($"'{scalar.Value}' {scalar.Style} str={scalar.StringTag} end={scalar.EndLine}\n");
                break;
            case RuleYamlMap map:
                text.Append("map\n");
                for (var i = 0; i < map.Count; i++)
                {
                    Describe(map.Keys[i], text);
                    Describe(map.Values[i], text);
                }
                text.Append("end\n");
                break;
            case RuleYamlSequence sequence:
                text.Append("list\n");
                foreach (var item in sequence.Items)
                    Describe(item, text);
                text.Append("end\n");
                break;
        }
    }
}
