using Parry.Sigma.Rules;
using Parry.Sigma.Values;
using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>
/// A YAML scalar as the rule wrote it: its text and whether it was plain (unquoted, untagged). Sigma reads plain
/// scalars under YAML 1.2's core schema: <c>null</c>/<c>~</c>/nothing is null, numbers are numbers, everything
/// else (<c>yes</c>, <c>on</c>, <c>0x17</c> when quoted) is a string.
/// </summary>
internal readonly record struct RawScalar(string Text, bool Plain, SourceLocation Location)
{
    public static RawScalar From(RuleYamlScalar node)
    {
        var quoted = node.Style is not (ScalarStyle.Plain or ScalarStyle.Any);
        return new RawScalar(node.Value, !quoted && !node.StringTag, node.Start);
    }

    public bool IsNull => Plain && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The boolean of <c>true</c>/<c>false</c> in any letter case and quoting (for <c>exists</c>).</summary>
    public bool? Boolean =>
        Text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : Text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    public SigmaNumber? Number => Plain && SigmaNumber.TryParse(Text, out var number) ? number : null;
}
