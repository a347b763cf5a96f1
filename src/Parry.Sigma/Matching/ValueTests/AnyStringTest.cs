namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>*</c> alone: any value that is not null, the empty string included.</summary>
internal sealed class AnyStringTest() : StringTest(false)
{
    public override bool TestText(ReadOnlySpan<char> text) => true;
}
