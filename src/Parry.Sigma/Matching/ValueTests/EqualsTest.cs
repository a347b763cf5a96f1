namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The whole value equals a literal.</summary>
internal sealed class EqualsTest(string literal, bool cased) : StringTest(cased)
{
    public string Literal { get; } = Fold(literal, cased);

    public override bool TestText(ReadOnlySpan<char> text) => text.SequenceEqual(Literal);
}
