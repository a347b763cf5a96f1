using Parry.Sigma.Rules;
using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>A scalar: its text, how it was written (plain, quoted, block) and whether a tag made it a string.</summary>
internal sealed class RuleYamlScalar(string value, ScalarStyle style, bool stringTag, SourceLocation start, int endLine) : RuleYamlNode(start)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Tagged <c>!!str</c> or <c>!</c>: a string whatever its text looks like.</summary>
    public bool StringTag { get; } = stringTag;

    /// <summary>The line its text ends on (a condition's column is exact only within one line).</summary>
    public int EndLine { get; } = endLine;
}
