using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>A general wildcard pattern (<c>C:\*\evil?.exe</c>).</summary>
internal sealed class GlobTest(SigmaString pattern) : StringTest(pattern.Cased)
{
    private readonly GlobPattern _glob = GlobPattern.Compile(pattern.Parts, pattern.Cased);

    public SigmaString Pattern { get; } = pattern;

    public override bool TestText(ReadOnlySpan<char> text) => _glob.IsMatch(text);

    public override int Cost => 2;
}
