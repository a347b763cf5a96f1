using System.Text.RegularExpressions;

namespace Parry.Sigma.Values;

/// <summary>
/// <c>field|re: pattern</c>: a regular expression searched anywhere in the value, case-sensitive unless the
/// <c>i</c> sub-modifier is given. <see cref="Options"/> carries i/m/s; the pattern was checked to compile at load.
/// </summary>
public sealed class SigmaRegex(string pattern, RegexOptions options) : SigmaValue
{
    public string Pattern { get; } = pattern;

    public RegexOptions Options { get; } = options;

    public SigmaRegex WithPattern(string pattern) => new(pattern, Options);

    public SigmaRegex WithOption(RegexOptions option) => new(Pattern, Options | option);

    public override string ToString() => $"/{Pattern}/";
}
