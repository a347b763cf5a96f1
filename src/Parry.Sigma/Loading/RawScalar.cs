using Parry.Sigma.Rules;
using Parry.Sigma.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// A YAML scalar as the rule wrote it: its text and whether it was plain (unquoted, untagged). Sigma reads plain
/// scalars under YAML 1.2's core schema: <c>null</c>/<c>~</c>/nothing is null, numbers are numbers, everything
/// else (<c>yes</c>, <c>on</c>, <c>0x17</c> when quoted) is a string.
/// </summary>
internal readonly record struct RawScalar(string Text, bool Plain, SourceLocation Location)
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static RawScalar From(YamlScalarNode node)
    {
        var quoted = node.Style is not (ScalarStyle.Plain or ScalarStyle.Any);
        var stringTag = !node.Tag.IsEmpty && node.Tag.Value is StringTag or "!";
        return new RawScalar(node.Value ?? "", !quoted && !stringTag, SourceLocation.From(node.Start));
    }

    public bool IsNull => Plain && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The boolean of <c>true</c>/<c>false</c> in any letter case and quoting (for <c>exists</c>).</summary>
    public bool? Boolean =>
        Text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : Text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    public SigmaNumber? Number => Plain && SigmaNumber.TryParse(Text, out var number) ? number : null;
}
